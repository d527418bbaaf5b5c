import {
  FocusEvent,
  KeyboardEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useLocation } from 'react-router-dom';
import { useApi } from '@backstage/core-plugin-api';
import {
  SurveyPrompt as SurveyPromptData,
  SurveyPromptActionRequest,
} from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import { formatDateTime } from '../../shared/format';
import { anonymousNote, identifiedNote } from '../answerNotes';
import { SurveyForm } from '../SurveyForm';
import { SubmitStatusAlert } from '../SubmitStatusAlert';
import {
  ALREADY_RECORDED_TITLE,
  useSubmitWithRetry,
} from '../useSubmitWithRetry';
import styles from './SurveyPrompt.module.css';

/** How long the path must stay the same before prompts are asked for. */
export const PROMPT_DEBOUNCE_MS = 1_500;
/** Prompts are asked for at most once per this long for each path. */
export const PROMPT_MIN_INTERVAL_MS = 60_000;
/** How long the thanks stay before the prompt closes. */
export const PROMPT_CLOSE_AFTER_MS = 5_000;

/**
 * Whether the user is on one of this survey's own pages already: its form,
 * its results or its editor. Prompting there would cover the survey with
 * itself, e.g. for a platform PM who is in the audience of their own survey.
 */
function isOnSurveyPage(pathname: string, surveyId: string): boolean {
  const page = pathname.replace(/\/+$/, '');
  const own = `/surveys/${encodeURIComponent(surveyId)}`;
  return ['', '/respond', '/edit'].some(suffix =>
    page.endsWith(`${own}${suffix}`),
  );
}

function PromptCard(props: { prompt: SurveyPromptData; onClose: () => void }) {
  const { prompt, onClose } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const titleId = useId();
  const anonymous = prompt.anonymous && !prompt.preview;
  const { status, submit, draft, saveDraft, receipt, canKeepReceipt } =
    useSubmitWithRetry({
      surveyId: prompt.surveyId,
      waveId: prompt.waveId,
      persistDraft: !prompt.preview,
      anonymous,
      closesAt: prompt.closesAt,
    });
  const [previewed, setPreviewed] = useState(false);
  const done =
    status.state === 'sent' || status.state === 'recorded' || previewed;
  // Read when the card opens: what the form starts from.
  const [answered] = useState(() => {
    if (prompt.preview) {
      return undefined;
    }
    if (anonymous) {
      return receipt
        ? anonymousNote({
            closesAt: prompt.closesAt,
            answeredAt: receipt.answeredAt,
            canKeepReceipt,
          })
        : undefined;
    }
    return prompt.answeredAt || (prompt.previousAnswers?.length ?? 0) > 0
      ? identifiedNote({
          closesAt: prompt.closesAt,
          answeredAt: prompt.answeredAt,
          answeredBefore: true,
        })
      : undefined;
  });
  const card = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  // Where the focus came from into the card: it goes back there when the
  // card closes with the focus in it, instead of being dropped on the page.
  const cameFrom = useRef<HTMLElement | null>(null);
  const onFocus = (event: FocusEvent) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !card.current?.contains(from)) {
      cameFrom.current = from;
    }
  };
  const closeCard = () => {
    const active = document.activeElement;
    if (active && card.current?.contains(active) && cameFrom.current) {
      if (cameFrom.current.isConnected) {
        cameFrom.current.focus();
      }
    }
    onClose();
  };
  const close = useRef(closeCard);
  close.current = closeCard;

  useEffect(() => {
    if (!done) {
      return undefined;
    }
    // The form, with the Submit button that had the focus, made way for the
    // thanks: the focus goes to Close rather than to nowhere.
    const active = document.activeElement;
    if (!active || active === document.body || card.current?.contains(active)) {
      closeButton.current?.focus();
    }
    const timer = setTimeout(() => close.current(), PROMPT_CLOSE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [done]);

  const act = (action: SurveyPromptActionRequest['action']) => {
    closeCard();
    if (!prompt.preview) {
      flywheelApi
        .actOnSurveyPrompt(prompt.surveyId, { waveId: prompt.waveId, action })
        .catch(() => {
          // Not worth bothering the user: at worst they are asked again.
        });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) {
      return;
    }
    event.stopPropagation();
    if (done) {
      closeCard();
    } else {
      act('snooze');
    }
  };

  const onSubmit = async (answers: Parameters<typeof submit>[0]) => {
    if (prompt.preview) {
      setPreviewed(true);
    } else {
      await submit(answers);
    }
  };

  let footnote: string | undefined;
  if (prompt.anonymous && !answered) {
    if (!anonymous) {
      footnote = 'Your answers are anonymous.';
    } else if (canKeepReceipt) {
      footnote =
        'Your answers are anonymous. You can change them later only from this browser.';
    } else {
      footnote =
        'Your answers are anonymous. This browser cannot keep a receipt, so they cannot be changed later.';
    }
  }

  let thanks: string | undefined;
  let thanksNote: string | undefined;
  if (previewed) {
    thanks = 'Thanks — this was a preview, nothing was stored';
  } else if (status.state === 'recorded') {
    thanks = ALREADY_RECORDED_TITLE;
    thanksNote = status.message;
  } else if (status.state === 'sent') {
    thanks =
      status.result.status === 'updated'
        ? 'Thanks — your answer was updated'
        : 'Thanks — your answer was saved';
    if (prompt.anonymous) {
      const until = formatDateTime(prompt.closesAt);
      if (!receipt) {
        thanksNote =
          'Your answers are anonymous: they are stored without your name, and this browser got no receipt for them, so they cannot be changed.';
      } else if (canKeepReceipt) {
        thanksNote = `Your answers are anonymous: they are stored without your name. This browser keeps a receipt, so you can change them from this browser until ${until}.`;
      } else {
        thanksNote =
          'Your answers are anonymous: they are stored without your name, and this browser cannot keep a receipt, so they cannot be changed later.';
      }
    }
  }

  return (
    <div className={styles.anchor}>
      <Card
        ref={card}
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        className={styles.prompt}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <CardHeader>
          <Text as="div" variant="body-x-small" color="secondary">
            Quick survey
          </Text>
          <Text
            as="h2"
            id={titleId}
            variant="title-x-small"
            weight="bold"
            className={styles.title}
          >
            {prompt.title}
          </Text>
        </CardHeader>
        <CardBody>
          <Flex direction="column" gap="3">
            {prompt.preview && (
              <Alert
                status="info"
                icon
                title="Preview — answers are not stored"
              />
            )}
            <div role="status">
              {thanks && (
                <Flex direction="column" gap="2">
                  <Text as="p" weight="bold">
                    {thanks}
                  </Text>
                  {thanksNote && (
                    <Text as="p" variant="body-small" color="secondary">
                      {thanksNote}
                    </Text>
                  )}
                </Flex>
              )}
            </div>
            {!done && answered && (
              <Text as="p" variant="body-small" color="secondary">
                {answered}
              </Text>
            )}
            {!done && (
              <SurveyForm
                prompt={prompt}
                compact
                initialAnswers={draft ?? receipt?.answers}
                onChange={saveDraft}
                onSubmit={onSubmit}
                submitting={
                  status.state === 'sending' || status.state === 'retrying'
                }
                submitLabel={answered ? 'Update answer' : undefined}
                footnote={footnote}
              />
            )}
            {!done && <SubmitStatusAlert status={status} />}
          </Flex>
        </CardBody>
        <CardFooter>
          <Flex gap="2" className={styles.actions}>
            {done ? (
              <Button
                ref={closeButton}
                variant="secondary"
                size="small"
                onPress={closeCard}
              >
                Close
              </Button>
            ) : (
              <>
                <Button
                  variant="tertiary"
                  size="small"
                  onPress={() => act('snooze')}
                >
                  Not now
                </Button>
                <Button
                  variant="tertiary"
                  size="small"
                  onPress={() => act('dismiss')}
                >
                  Don't ask me again for this survey
                </Button>
              </>
            )}
          </Flex>
        </CardFooter>
      </Card>
    </div>
  );
}

/**
 * The in-app survey prompt: a small card at the bottom right that asks the
 * first survey the backend has for the user on the current page. It asks
 * the backend when the page changes (debounced, at most once a minute per
 * path, never while a prompt is shown), does not take focus, and renders
 * nothing at all when there is no survey or the backend cannot be reached.
 *
 * @public
 */
export function SurveyPrompt() {
  const flywheelApi = useApi(flywheelApiRef);
  const { pathname } = useLocation();
  const [prompt, setPrompt] = useState<SurveyPromptData>();
  const askedAt = useRef(new Map<string, number>());

  useEffect(() => {
    if (prompt) {
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      const last = askedAt.current.get(pathname);
      if (last !== undefined && Date.now() - last < PROMPT_MIN_INTERVAL_MS) {
        return;
      }
      for (const [path, at] of askedAt.current) {
        if (Date.now() - at >= PROMPT_MIN_INTERVAL_MS) {
          askedAt.current.delete(path);
        }
      }
      askedAt.current.set(pathname, Date.now());
      try {
        const response = await flywheelApi.getSurveyPrompts({
          path: pathname,
        });
        const first = response?.items?.find(
          item => !isOnSurveyPage(pathname, item.surveyId),
        );
        if (!cancelled && first) {
          setPrompt(first);
        }
      } catch {
        // The prompt is optional: without the backend there is just none.
      }
    }, PROMPT_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [flywheelApi, pathname, prompt]);

  if (!prompt) {
    return null;
  }
  return (
    <PromptCard
      key={`${prompt.surveyId}/${prompt.waveId}`}
      prompt={prompt}
      onClose={() => setPrompt(undefined)}
    />
  );
}
