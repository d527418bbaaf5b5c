import { ReactNode } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import styles from './Section.module.css';

/** A titled card, a landmark named after its title; `action` sits at the right. */
export function Section(props: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
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
          <Text as="h3" variant="title-x-small" weight="bold">
            {props.title}
          </Text>
          {props.action}
        </Flex>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}
