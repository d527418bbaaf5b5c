import { ReactNode, Ref } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import styles from './Section.module.css';

/**
 * A titled card, a landmark named after its title; `action` sits at the
 * right. With `headingRef` its heading can take the focus (not by Tab), for
 * a control elsewhere on the page that changes what the section shows.
 */
export function Section(props: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <Card role="region" aria-label={props.title}>
      <CardHeader>
        <Flex
          justify="between"
          align="center"
          gap="2"
          className={styles.header}
        >
          <Text
            as="h3"
            variant="title-x-small"
            weight="bold"
            ref={props.headingRef}
            tabIndex={props.headingRef ? -1 : undefined}
          >
            {props.title}
          </Text>
          {props.action}
        </Flex>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}
