import { Agent } from 'node:http';
import { BenchBackend, BenchCall, callOnce, hashOf, prng } from '../harness';
import { benchAnswers, SURVEY_ID, teamBias } from './seed';

export type Person = { userRef: string; teamRef: string };

/** A submission and the number of comments it carries. */
export interface Submission {
  call: BenchCall;
  comments: number;
}

/**
 * What the measuring phases share on the fresh backend: the product
 * manager's token that reads the results, the calls they make, and every
 * response the backend accepted, by person, to check the stored rows.
 */
export class SurveySession {
  readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });
  readonly pmToken: string;
  /** Accepted responses by person, across the phases. */
  readonly accepted = new Map<string, number>();
  acceptedComments = 0;

  constructor(
    readonly backend: BenchBackend,
    pm: Person,
    private readonly openWave: { id: string },
    /** The open wave's index (answers shift a little from wave to wave). */
    private readonly openWaveIndex: number,
  ) {
    this.pmToken = backend.tokens.issue(pm.userRef, [pm.teamRef]);
  }

  get baseUrl() {
    return this.backend.baseUrl;
  }

  resultsPath(waveId: string, groupRef?: string) {
    return `/api/flywheel/surveys/${SURVEY_ID}/results?waveId=${waveId}${
      groupRef ? `&groupRef=${encodeURIComponent(groupRef)}` : ''
    }`;
  }

  /** The results read by the product manager. */
  resultsCall(waveId: string, groupRef?: string): BenchCall {
    return {
      method: 'GET',
      path: this.resultsPath(waveId, groupRef),
      token: this.pmToken,
    };
  }

  /** One GET as the product manager; anything but 200 fails the run. */
  async get(path: string) {
    const r = await callOnce(this.agent, this.baseUrl, {
      method: 'GET',
      path,
      token: this.pmToken,
    });
    if (r.status !== 200) {
      throw new Error(`GET ${path} answered ${r.status}: ${r.text}`);
    }
    return r;
  }

  /** A person's response to the open wave, with their own user token. */
  submission(person: Person): Submission {
    const answered = benchAnswers(
      prng(hashOf(person.userRef)),
      teamBias(person.teamRef),
      this.openWaveIndex,
    );
    return {
      call: {
        method: 'POST',
        path: `/api/flywheel/surveys/${SURVEY_ID}/responses`,
        token: this.backend.tokens.issue(person.userRef, [person.teamRef]),
        body: JSON.stringify({
          waveId: this.openWave.id,
          answers: answered.answers,
        }),
      },
      comments: answered.comments.length,
    };
  }

  noteAccepted(userRef: string, comments: number) {
    this.accepted.set(userRef, (this.accepted.get(userRef) ?? 0) + 1);
    this.acceptedComments += comments;
  }

  close() {
    this.agent.destroy();
  }
}
