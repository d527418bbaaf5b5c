import { ReactNode } from 'react';
import styles from './HorizontalScroll.module.css';

/**
 * Lets wide content (tables) scroll sideways on narrow screens instead of
 * squashing it. The region takes focus so keyboard users can scroll it too.
 */
export function HorizontalScroll(props: {
  /** Names the region for screen readers, e.g. "Entities table". */
  label: string;
  /** The width below which the content scrolls instead of shrinking. */
  minWidth?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={styles.scroll}
      role="region"
      aria-label={props.label}
      // A scrollable region must take focus so keyboard users can scroll it.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      <div style={{ minWidth: props.minWidth }}>{props.children}</div>
    </div>
  );
}
