import { ReactNode } from 'react';
import { Link as AppLink } from '@backstage/core-components';
import { Link, Text } from '@backstage/ui';
import styles from './HowToFix.module.css';

const URL_ONLY = /^https?:\/\/\S+$/;
// `code` spans and bare http(s) URLs inside a sentence.
const TOKENS = /(`[^`]+`|https?:\/\/[^\s)]+[^\s).,;:!?])/g;

function renderText(text: string): ReactNode[] {
  return text.split(TOKENS).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
      return (
        <code key={i} className={styles.code}>
          {part.slice(1, -1)}
        </code>
      );
    }
    if (/^https?:\/\//.test(part)) {
      return (
        <Link key={i} href={part} target="_blank" rel="noopener noreferrer">
          {part}
        </Link>
      );
    }
    return part;
  });
}

/**
 * A check's "how to fix": its text, with `code` spans and URLs rendered, and
 * a "How to fix" link to `howToFixUrl`. An app path (`/create`) stays in the
 * app; an http(s) URL opens in a new tab. A `howToFix` that is only a URL
 * (older configurations) is the link. The link names the check, so a list of
 * them is not a list of identical "How to fix" links for screen readers.
 */
export function HowToFix(props: {
  howToFix?: string;
  howToFixUrl?: string;
  checkTitle: string;
}) {
  let text = props.howToFix?.trim() || undefined;
  let url = props.howToFixUrl?.trim() || undefined;
  if (text && URL_ONLY.test(text)) {
    url ??= text;
    text = url === text ? undefined : text;
  }
  if (!text && !url) {
    return null;
  }
  const link = url && (
    <AppLink to={url} aria-label={`How to fix: ${props.checkTitle}`}>
      How to fix
    </AppLink>
  );
  if (!text) {
    return (
      <Text as="p" variant="body-small" className={styles.text}>
        {link}
      </Text>
    );
  }
  return (
    <Text as="p" variant="body-small" className={styles.text}>
      <Text as="span" variant="body-small" weight="bold">
        {link ?? 'How to fix'}:
      </Text>{' '}
      {renderText(text)}
    </Text>
  );
}
