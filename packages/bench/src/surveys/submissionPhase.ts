import {
  BenchCall,
  fmt,
  log,
  Profile,
  prng,
  runLoad,
  secs,
  sqlRecorder,
  withEventLoopBusy,
} from '../harness';
import { statementsPer, SurveyDbResult } from './results';
import { Person, SurveySession } from './session';

interface KeyedCall {
  key: number;
  call: BenchCall;
  person: string;
  comments: number;
}

/**
 * Every 20th person sends twice: half of the second calls right behind the
 * first (likely in flight together), half a few hundred calls later; any
 * prefix of the list (the time limit may cut it) has ~5%.
 */
function submissionsWithRepeats(
  session: SurveySession,
  people: Person[],
  respondents: number,
): KeyedCall[] {
  const rnd = prng(0xd0b1e);
  const keyed: KeyedCall[] = [];
  people.forEach((person, i) => {
    keyed.push({
      key: i,
      ...session.submission(person),
      person: person.userRef,
    });
    if (i % 20 === 0) {
      const offset =
        (i / 20) % 2 === 0
          ? 1 + Math.floor(rnd() * respondents)
          : 200 + Math.floor(rnd() * 600);
      keyed.push({
        key: i + offset + 0.5,
        ...session.submission(person),
        person: person.userRef,
      });
    }
  });
  return keyed.sort((x, y) => x.key - y.key);
}

/**
 * Submission throughput: distinct people who have not answered the open
 * wave, plus ~5% second submissions by someone already sending (some in
 * flight at the same time as the first, some later), which must get 409.
 */
export async function measureSubmissions(
  session: SurveySession,
  options: {
    people: Person[];
    respondents: number;
    submitSeconds: number;
    recorder: ReturnType<typeof sqlRecorder>;
    profile: Profile;
  },
): Promise<SurveyDbResult['submissions']> {
  const { recorder, respondents } = options;
  const calls = submissionsWithRepeats(session, options.people, respondents);
  recorder.start();
  const submitLoad = await withEventLoopBusy(() =>
    options.profile('submissions', () =>
      runLoad({
        name: 'submissions',
        baseUrl: session.baseUrl,
        clients: respondents,
        calls: calls.map(c => c.call),
        once: true,
        durationMs: options.submitSeconds * 1000,
        warmup: 0,
        expectedErrors: [409],
      }),
    ),
  );
  const submitSql = recorder.stop();
  const byPerson = new Map<string, number[]>();
  calls.forEach((c, i) => {
    const status = submitLoad.statusByCall![i];
    if (status === 0) {
      return; // not sent before the time limit
    }
    byPerson.set(c.person, [...(byPerson.get(c.person) ?? []), status]);
    if (status === 201) {
      session.noteAccepted(c.person, c.comments);
    }
  });
  let acceptedTwice = 0;
  let neitherAccepted = 0;
  for (const list of byPerson.values()) {
    const created = list.filter(s => s === 201).length;
    if (created > 1) {
      acceptedTwice += 1;
    }
    if (list.length > 1 && created === 0) {
      neitherAccepted += 1;
    }
  }
  const created = submitLoad.statuses[201] ?? 0;
  const conflicts = submitLoad.statuses[409] ?? 0;
  const sentUnique = byPerson.size;
  const sentDuplicates = submitLoad.requests - sentUnique;
  const result = {
    ...submitLoad,
    statusByCall: undefined,
    respondents,
    unique: sentUnique,
    duplicates: sentDuplicates,
    created,
    conflicts,
    otherErrors: submitLoad.requests - created - conflicts,
    acceptedTwice,
    neitherAccepted,
    createdPerSecond: (created / submitLoad.durationMs) * 1000,
    sql: {
      inFlightShare: submitSql.inFlightMs / submitLoad.durationMs,
      statements: statementsPer(submitSql.queries, submitLoad.requests),
    },
  };
  log(
    `POST responses, ${respondents} respondents: ${fmt(
      submitLoad.requests,
    )} in ${secs(submitLoad.durationMs)} = ${Math.round(
      submitLoad.rps,
    )}/s (${Math.round(
      result.createdPerSecond,
    )} accepted/s); p50 ${submitLoad.p50.toFixed(
      0,
    )} ms, p95 ${submitLoad.p95.toFixed(
      0,
    )} ms; ${created} × 201, ${conflicts} × 409 (${sentDuplicates} second submissions), ${
      result.otherErrors
    } other; accepted twice: ${acceptedTwice}`,
  );
  return result;
}
