import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  SurveyComment,
  SurveyCommentsResponse,
} from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Badge,
  Button,
  Flex,
  Radio,
  RadioGroup,
  SearchField,
  Skeleton,
  Text,
  TextField,
} from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { formatDate, formatDay } from '../../shared/format';
import { groupTitle, GroupTitles } from '../../shared/groupTitles';
import { useAction } from '../../shared/useAction';
import styles from './SurveyComments.module.css';

/** Comments a page. */
export const COMMENTS_PAGE_SIZE = 10;

const MANAGE = {
  doing: 'tag or resolve comments',
  permission: 'flywheel.surveys.manage',
};

function CommentItem(props: {
  comment: SurveyComment;
  /** Its place in the list, 1 first: names it where it has no day. */
  position: number;
  surveyId: string;
  questionTitle?: string;
  titles: GroupTitles | undefined;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { comment, surveyId, questionTitle, titles, canManage } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [tag, setTag] = useState('');
  const manage = useAction(MANAGE);
  const busy = manage.pending;
  // Anonymous comments keep no day, only their wave.
  const day = comment.submittedOn
    ? formatDay(comment.submittedOn, { withYear: true })
    : undefined;
  const name = day ? `Comment of ${day}` : `Comment ${props.position}`;

  const update = (change: { tags?: string[]; resolved?: boolean }) =>
    manage.run(async () => {
      await flywheelApi.updateSurveyComment(surveyId, comment.id, change);
      props.onChanged();
    });

  const addTag = async (event: FormEvent) => {
    event.preventDefault();
    const value = tag.trim().toLocaleLowerCase('en-US');
    if (!value || comment.tags.includes(value)) {
      setTag('');
      return;
    }
    if (await update({ tags: [...comment.tags, value] })) {
      setTag('');
    }
  };

  return (
    <li>
      <article className={styles.comment} aria-label={name}>
        {/* Plain text only: what people wrote is never rendered as HTML. */}
        <Text as="p" className={styles.text}>
          {comment.text}
        </Text>
        <Text as="p" variant="body-x-small" color="secondary">
          {[
            day ?? 'Anonymous',
            comment.groupRef && groupTitle(comment.groupRef, titles),
            questionTitle,
            comment.resolved &&
              `Resolved${
                comment.resolvedAt
                  ? ` on ${formatDate(comment.resolvedAt)}`
                  : ''
              }`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Flex align="center" gap="2" className={styles.tags}>
          {comment.tags.length > 0 && (
            <ul className={styles.tagList} aria-label="Tags">
              {comment.tags.map(t => (
                <li key={t} className={styles.tag}>
                  <Badge size="small">{t}</Badge>
                  {canManage && (
                    <Button
                      size="small"
                      variant="tertiary"
                      aria-label={`Remove tag ${t}`}
                      isDisabled={busy}
                      onPress={() =>
                        update({ tags: comment.tags.filter(x => x !== t) })
                      }
                    >
                      ×
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Flex>
        {canManage && (
          <Flex align="end" gap="3" className={styles.actions}>
            <form onSubmit={addTag} className={styles.tagForm}>
              <TextField
                label="New tag"
                size="small"
                value={tag}
                onChange={setTag}
                isDisabled={busy}
              />
              <Button
                type="submit"
                size="small"
                variant="secondary"
                isDisabled={busy}
              >
                Add tag
              </Button>
            </form>
            <Button
              size="small"
              variant="secondary"
              isDisabled={busy}
              onPress={() => update({ resolved: !comment.resolved })}
            >
              {comment.resolved ? 'Reopen' : 'Mark resolved'}
            </Button>
          </Flex>
        )}
        {manage.error && (
          <Alert
            status="danger"
            icon
            title="Not changed"
            description={manage.error}
          />
        )}
      </article>
    </li>
  );
}

/** Why this scope lists no comments, in words. */
function withheldMessage(
  value: SurveyCommentsResponse,
  minCommentGroupSize: number,
): string {
  const count =
    value.withheld > 0
      ? `${value.withheld} comment${value.withheld === 1 ? ' is' : 's are'}`
      : 'Comments are';
  return value.withheldReason === 'protects-another-group'
    ? `${count} withheld: showing them would let the comments of a smaller team be worked out by subtraction. Look at the team above.`
    : `${count} withheld: comments are shown only for groups of at least ${minCommentGroupSize} responses.`;
}

/**
 * The comments inbox of a survey: free-text answers and NPS follow-ups of
 * the wave and scope shown, newest first, as plain text. Managers tag and
 * resolve them. A scope whose comments are withheld (too few responses, or
 * they could be worked out by subtraction) says so and why.
 */
export function SurveyComments(props: {
  surveyId: string;
  waveId?: string;
  groupRef?: string;
  minCommentGroupSize: number;
  /** Question titles by id, to say what a comment answers. */
  questionTitles?: Map<string, string>;
  titles: GroupTitles | undefined;
  canManage: boolean;
}) {
  const { surveyId, waveId, groupRef, minCommentGroupSize, canManage } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [show, setShow] = useState<'unresolved' | 'all'>('unresolved');
  const [tag, setTag] = useState<string>();
  const [offset, setOffset] = useState(0);

  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      flywheelApi.getSurveyComments(surveyId, {
        waveId,
        groupRef,
        resolved: show === 'unresolved' ? false : undefined,
        tag,
        limit: COMMENTS_PAGE_SIZE,
        offset,
      }),
    [flywheelApi, surveyId, waveId, groupRef, show, tag, offset],
  );

  let list;
  if (loading && !value) {
    list = <Skeleton width="100%" height={80} />;
  } else if (error) {
    list = (
      <Alert
        status="danger"
        icon
        title="Could not load the comments"
        description={serverMessage(error)}
      />
    );
  } else if (!value || value.items.length === 0) {
    list = (
      <Text as="p" color="secondary">
        {show === 'unresolved' || tag
          ? 'No comments match these filters.'
          : 'No comments in this wave.'}
      </Text>
    );
  } else {
    const first = offset + 1;
    const last = offset + value.items.length;
    list = (
      <Flex direction="column" gap="3">
        <ul className={styles.list} aria-label="Comments">
          {value.items.map((comment, index) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              position={offset + index + 1}
              surveyId={surveyId}
              questionTitle={props.questionTitles?.get(comment.questionId)}
              titles={props.titles}
              canManage={canManage}
              onChanged={retry}
            />
          ))}
        </ul>
        <Flex align="center" justify="between" gap="3">
          <Text variant="body-small" color="secondary">
            {first}–{last} of {value.totalCount}
          </Text>
          <Flex gap="2">
            <Button
              size="small"
              variant="secondary"
              isDisabled={offset === 0}
              onPress={() =>
                setOffset(Math.max(0, offset - COMMENTS_PAGE_SIZE))
              }
            >
              Previous page
            </Button>
            <Button
              size="small"
              variant="secondary"
              isDisabled={last >= value.totalCount}
              onPress={() => setOffset(offset + COMMENTS_PAGE_SIZE)}
            >
              Next page
            </Button>
          </Flex>
        </Flex>
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="4">
      <Flex align="end" gap="4" className={styles.filters}>
        <RadioGroup
          label="Show"
          orientation="horizontal"
          value={show}
          onChange={v => {
            setShow(v as 'unresolved' | 'all');
            setOffset(0);
          }}
        >
          <Radio value="unresolved">Unresolved</Radio>
          <Radio value="all">All</Radio>
        </RadioGroup>
        <SearchField
          label="Tag"
          size="small"
          placeholder="Filter by tag"
          onSubmit={v => {
            setTag(v.trim().toLocaleLowerCase('en-US') || undefined);
            setOffset(0);
          }}
          onClear={() => {
            setTag(undefined);
            setOffset(0);
          }}
        />
        {tag && (
          <Text variant="body-small" color="secondary">
            Tagged “{tag}”
          </Text>
        )}
      </Flex>
      {value?.withheldReason && (
        <Text as="p" variant="body-small" color="secondary">
          {withheldMessage(value, minCommentGroupSize)}
        </Text>
      )}
      {list}
    </Flex>
  );
}
