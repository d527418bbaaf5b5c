import { useEffect, useId, useRef, useState } from 'react';
import {
  CheckResult,
  EntityScorecardResult,
  ScorecardCheckInfo,
  ScorecardExemption,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import { Button, Flex, Text } from '@backstage/ui';
import { formatDate, formatDateTime } from '../../shared/format';
import { StatList } from '../../shared/StatList';
import { CheckStateBadge } from '../CheckStateBadge';
import { EntityLevelHistory } from '../EntityLevelHistory';
import { HowToFix } from '../HowToFix';
import { LevelBadge } from '../LevelBadge';
import { LevelLadder } from '../LevelLadder';
import { formatScore, isExemptable } from '../model';
import { RequestExemptionDialog } from '../RequestExemptionDialog';
import { Section } from '../../shared/Section';
import styles from './ScorecardResultCard.module.css';

/**
 * The open (pending or running) exemption of a check, if any. A request
 * whose expiry passed undecided is closed: the backend takes a new one.
 */
function openExemption(
  exemptions: ScorecardExemption[],
  checkId: string,
): ScorecardExemption | undefined {
  return exemptions.find(
    e =>
      e.checkId === checkId &&
      !e.expired &&
      (e.status === 'pending' || e.status === 'approved'),
  );
}

function CheckRow(props: {
  check: ScorecardCheckInfo;
  result?: CheckResult;
  exemption?: ScorecardExemption;
  canRequestExemption: boolean;
  onRequestExemption: () => void;
  /**
   * The user just requested its exemption: the button they used goes away
   * once the request is listed, so the focus moves to what replaced it.
   */
  focusExemption?: boolean;
}) {
  const { check, result, exemption, canRequestExemption, focusExemption } =
    props;
  const titleId = useId();
  const state = result?.state ?? 'unknown';
  const canRequest = canRequestExemption && isExemptable(state) && !exemption;
  const exemptionNote = useRef<HTMLParagraphElement>(null);
  const hasExemption = !!exemption;
  useEffect(() => {
    if (focusExemption && hasExemption) {
      exemptionNote.current?.focus();
    }
  }, [focusExemption, hasExemption]);

  return (
    <li className={styles.check} aria-labelledby={titleId}>
      <div className={styles.state}>
        <CheckStateBadge state={state} />
      </div>
      <div className={styles.body}>
        <Text
          as="h5"
          id={titleId}
          variant="body-medium"
          weight="bold"
          className={styles.checkTitle}
        >
          {check.title}
        </Text>
        <Text as="p" variant="body-small">
          {result?.reason ??
            'Not evaluated yet: the check is newer than the last evaluation.'}
        </Text>
        {check.severity === 'warn' && (
          <Text as="p" variant="body-x-small" color="secondary">
            A warning: it lowers the score but does not block the level.
          </Text>
        )}
        {state !== 'pass' && state !== 'not-applicable' && (
          <HowToFix
            howToFix={check.howToFix}
            howToFixUrl={check.howToFixUrl}
            checkTitle={check.title}
          />
        )}
        {/* An exempt result already says until when. */}
        {exemption && state !== 'exempt' && (
          <Text
            as="p"
            variant="body-small"
            color="secondary"
            ref={exemptionNote}
            tabIndex={-1}
          >
            {exemption.status === 'pending'
              ? `Exemption requested on ${formatDate(
                  exemption.requestedAt,
                )}, waiting for a decision.`
              : `Exempt until ${formatDate(exemption.expiresAt)}.`}
          </Text>
        )}
        {canRequest && (
          <div>
            <Button
              size="small"
              variant="secondary"
              onPress={props.onRequestExemption}
              aria-label={`Request exemption: ${check.title}`}
            >
              Request exemption
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}

/**
 * One scorecard's result for one entity: level ladder, score, history and
 * every check, grouped by level, with its reason and how to fix it.
 */
export function ScorecardResultCard(props: {
  scorecard: ScorecardInfo;
  result: EntityScorecardResult;
  exemptions: ScorecardExemption[];
  canRequestExemption: boolean;
  onExemptionRequested: (exemption: ScorecardExemption) => void;
}) {
  const { scorecard, result, exemptions, canRequestExemption } = props;
  const [exemptionFor, setExemptionFor] = useState<string>();
  const [requestedFor, setRequestedFor] = useState<string>();
  const byId = new Map(result.checks.map(c => [c.checkId, c]));
  const scored =
    result.counts.pass +
    result.counts.warn +
    result.counts.fail +
    result.counts.unknown;
  const exemptable = scorecard.checks.filter(
    c =>
      canRequestExemption &&
      isExemptable(byId.get(c.id)?.state ?? 'unknown') &&
      !openExemption(exemptions, c.id),
  );

  return (
    <Section
      title={scorecard.title}
      action={<LevelBadge scorecard={scorecard} level={result.level} />}
    >
      <Flex direction="column" gap="4">
        {scorecard.description && (
          <Text as="p" variant="body-small" color="secondary">
            {scorecard.description}
          </Text>
        )}
        <StatList
          aria-label={`${scorecard.title} result`}
          stats={[
            {
              label: 'Score',
              value: formatScore(result.score),
              hint:
                result.score === null
                  ? 'no check counts towards the score'
                  : 'weighted; exempt and not applicable checks left out',
            },
            {
              label: 'Checks passing',
              value: `${result.counts.pass} of ${scored}`,
              hint: [
                result.counts.exempt > 0 && `${result.counts.exempt} exempt`,
                result.counts['not-applicable'] > 0 &&
                  `${result.counts['not-applicable']} not applicable`,
              ]
                .filter(Boolean)
                .join(', '),
            },
          ]}
        />
        <Text as="p" variant="body-small" color="secondary">
          Evaluated {formatDateTime(result.evaluatedAt)}
        </Text>
        <LevelLadder scorecard={scorecard} result={result} />
        <EntityLevelHistory
          scorecard={scorecard}
          entityRef={result.entityRef}
          currentLevel={result.level ?? null}
          version={result.evaluatedAt}
        />
        {scorecard.levels.map(level => {
          const checks = scorecard.checks.filter(c => c.level === level.id);
          if (checks.length === 0) {
            return null;
          }
          return (
            <section key={level.id} aria-label={`${level.title} checks`}>
              <Text as="h4" variant="body-medium" weight="bold">
                {level.title} checks
              </Text>
              <ul className={styles.checks}>
                {checks.map(check => (
                  <CheckRow
                    key={check.id}
                    check={check}
                    result={byId.get(check.id)}
                    exemption={openExemption(exemptions, check.id)}
                    canRequestExemption={canRequestExemption}
                    onRequestExemption={() => setExemptionFor(check.id)}
                    focusExemption={requestedFor === check.id}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </Flex>
      {/* One dialog per check that can be exempted, so a draft survives
            closing and reopening it. */}
      {exemptable.map(check => (
        <RequestExemptionDialog
          key={check.id}
          isOpen={exemptionFor === check.id}
          onOpenChange={open => setExemptionFor(open ? check.id : undefined)}
          entityRef={result.entityRef}
          scorecard={scorecard}
          check={check}
          onRequested={exemption => {
            setRequestedFor(check.id);
            props.onExemptionRequested(exemption);
          }}
        />
      ))}
    </Section>
  );
}
