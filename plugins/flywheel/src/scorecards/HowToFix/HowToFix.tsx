import { ReactNode } from 'react';
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
 * A check's "how to fix": a link when it is a URL, otherwise the text with
 * its `code` spans and URLs rendered. The link names the check, so a list of
 * them is not a list of identical "How to fix" links for screen readers.
 */
export function HowToFix(props: { howToFix?: string; checkTitle: string }) {
  const howToFix = props.howToFix?.trim();
  if (!howToFix) {
    return null;
  }
  if (URL_ONLY.test(howToFix)) {
    return (
      <Link
        href={howToFix}
        target="_blank"
        rel="noopener noreferrer"
        variant="body-small"
        aria-label={`How to fix: ${props.checkTitle}`}
      >
        How to fix
      </Link>
    );
  }
  return (
    <Text as="p" variant="body-small" className={styles.text}>
      <Text as="span" variant="body-small" weight="bold">
        How to fix:
      </Text>{' '}
      {renderText(howToFix)}
    </Text>
  );
}
