import { MarkdownContent } from '@backstage/core-components';
import { Accordion, AccordionPanel, AccordionTrigger } from '@backstage/ui';

/**
 * The template's changelog, collapsed by default: it matters when deciding
 * whether to upgrade a drifted service, not when scanning the page.
 */
export function TemplateChangelog(props: { changelog?: string }) {
  if (!props.changelog) {
    return null;
  }
  return (
    <Accordion>
      <AccordionTrigger level={4} title="Changelog" />
      <AccordionPanel>
        <MarkdownContent content={props.changelog} />
      </AccordionPanel>
    </Accordion>
  );
}
