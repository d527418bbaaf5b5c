import fc from 'fast-check';
import { OrgDirectory } from './audience';
import { decideCommentVisibility } from './commentVisibility';
import { buildResults, WaveCounts } from '../results/buildResults';
import { AnswerCount } from '../store/SurveyStore';

/**
 * The attacker: one user who may read every scope the API offers (overall,
 * every team, every breakdown row, every comment list with its team labels)
 * tries to single out a group below the threshold by sums and set
 * differences. Everything such a user can derive from nested sets is a union
 * of the cells ("atoms") the sets cut the respondents into, so the guarantee
 * is: every atom has no respondent or at least the threshold.
 */

const MIN = 5;
const MIN_COMMENTS = 8;
const RUNS = 2000;

interface Respondent {
  id: number;
  /** The team stored with the answer; may be unknown to today's catalog. */
  groupRef: string | null;
  score: number;
  comment: boolean;
}

interface Org {
  groups: string[];
  /** parentOf relations as the catalog states them: several parents and cycles allowed. */
  parentOf: Map<string, string[]>;
  respondents: Respondent[];
}

const groupName = (i: number) => `group:default/g${i}`;

/** Random org data: trees, several parents, cycles, tiny and large teams. */
const orgArbitrary: fc.Arbitrary<Org> = fc
  .integer({ min: 1, max: 9 })
  .chain(n =>
    fc.record({
      edges: fc.array(
        fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })),
        { maxLength: n * 2 },
      ),
      sizes: fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 14 }),
        ),
        { minLength: n + 1, maxLength: n + 1 },
      ),
      scores: fc.array(fc.integer({ min: 0, max: 10 }), {
        minLength: 200,
        maxLength: 200,
      }),
      comments: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
    }),
  )
  .map(({ edges, sizes, scores, comments }) => {
    const n = sizes.length - 1;
    const groups = Array.from({ length: n }, (_, i) => groupName(i));
    const parentOf = new Map(groups.map(g => [g, [] as string[]]));
    for (const [p, c] of edges) {
      parentOf.get(groupName(p))!.push(groupName(c));
    }
    const respondents: Respondent[] = [];
    /** The last size is people without a team, or of a team gone since. */
    const teamOf = (i: number, id: number) => {
      if (i < n) return groupName(i);
      return id % 2 ? null : 'group:default/gone';
    };
    sizes.forEach((size, i) => {
      for (let k = 0; k < size; k++) {
        const id = respondents.length;
        respondents.push({
          id,
          groupRef: teamOf(i, id),
          score: scores[id % scores.length],
          comment: comments[id % comments.length],
        });
      }
    });
    return { groups, parentOf, respondents };
  });

function waveCounts(org: Org): WaveCounts {
  const responsesByGroup = new Map<string | null, number>();
  const answers = new Map<string, AnswerCount>();
  for (const r of org.respondents) {
    responsesByGroup.set(
      r.groupRef,
      (responsesByGroup.get(r.groupRef) ?? 0) + 1,
    );
    const key = `${r.groupRef}\n${r.score}`;
    const a = answers.get(key) ?? {
      waveId: 'w1',
      questionId: 'nps',
      groupRef: r.groupRef,
      valueNum: r.score,
      valueText: null,
      count: 0,
    };
    a.count++;
    answers.set(key, a);
  }
  return {
    wave: {
      id: 'w1',
      surveyId: 's',
      number: 1,
      opensAt: new Date('2026-01-01T00:00:00Z'),
      closesAt: new Date('2026-02-01T00:00:00Z'),
      questions: [{ id: 'nps', type: 'nps', title: 'Recommend?' }],
    },
    responsesByGroup,
    answers: [...answers.values()],
  };
}

/** Respondent ids per atom of a family of sets; atoms outside every set are left out. */
function atoms(family: Set<number>[], universe: number[]): number[][] {
  const cells = new Map<string, number[]>();
  for (const id of universe) {
    const signature = family.map(set => (set.has(id) ? '1' : '0')).join('');
    if (signature.includes('1')) {
      cells.set(signature, [...(cells.get(signature) ?? []), id]);
    }
  }
  return [...cells.values()];
}

/** Everything the API offers one all-seeing user about one wave. */
function attackerView(org: Org) {
  const directory = new OrgDirectory({
    userGroups: new Map(),
    children: org.parentOf,
    ownersByTemplate: new Map(),
  });
  const counts = waveCounts(org);
  const all = org.respondents.map(r => r.id);
  /** Ground truth: the respondents a scope covers, by the one normalised hierarchy. */
  const membersOf = (scope?: string) => {
    const teams = scope
      ? new Set(directory.graph.descendantsOf(scope))
      : undefined;
    return new Set(
      org.respondents
        .filter(r => !teams || (r.groupRef !== null && teams.has(r.groupRef)))
        .map(r => r.id),
    );
  };
  const scopes: (string | undefined)[] = [undefined, ...org.groups];

  // Numbers: every scope's headline and every breakdown row shown.
  const numberSets: Set<number>[] = [];
  const mismatches: string[] = [];
  const shownNumber = (scope: string | undefined, responses: number) => {
    const members = membersOf(scope);
    if (members.size !== responses) {
      mismatches.push(`${scope ?? 'overall'}: ${responses} ≠ ${members.size}`);
    }
    numberSets.push(members);
  };
  for (const scope of scopes) {
    const results = buildResults(
      {
        surveyId: 's',
        waves: [counts],
        directory,
        groupRef: scope,
        minGroupSize: MIN,
        minCommentGroupSize: MIN_COMMENTS,
        now: new Date('2026-01-15T00:00:00Z'),
      },
      new Map(),
    );
    if (!results.hidden) {
      shownNumber(scope, results.responses);
      const nps = results.questions[0]?.nps?.responses ?? 0;
      if (nps !== results.responses) {
        mismatches.push(`${scope ?? 'overall'}: nps n ${nps}`);
      }
    }
    for (const row of results.teams) {
      if (!row.hidden) {
        shownNumber(row.groupRef, row.responses ?? 0);
      }
    }
  }

  // Comments: every scope's list, and each label's comments within it. A
  // list or label shows the comments of a set of respondents; the threshold
  // counts respondents, whether or not they wrote.
  const visibility = decideCommentVisibility(counts, directory, {
    minGroupSize: MIN,
    minCommentGroupSize: MIN_COMMENTS,
  });
  const commentSets: Set<number>[] = [];
  for (const scope of scopes) {
    if (visibility.hiddenReason(scope)) {
      continue;
    }
    const members = membersOf(scope);
    commentSets.push(members);
    const byLabel = new Map<string, Set<number>>();
    for (const id of members) {
      const label = visibility.labelOf(org.respondents[id].groupRef);
      if (label) {
        byLabel.set(label, (byLabel.get(label) ?? new Set()).add(id));
      }
    }
    commentSets.push(...byLabel.values());
  }
  return {
    mismatches,
    numberAtoms: atoms(numberSets, all),
    /** Only cells with a comment in them show anything. */
    commentAtoms: atoms(commentSets, all).filter(cell =>
      cell.some(id => org.respondents[id].comment),
    ),
  };
}

describe('survey anonymity against an attacker, over random org graphs', () => {
  it('shows numbers only for the sets they claim, and no cell of fewer than the minimum', () => {
    fc.assert(
      fc.property(orgArbitrary, org => {
        const view = attackerView(org);
        expect(view.mismatches).toEqual([]);
        for (const cell of view.numberAtoms) {
          expect(cell.length).toBeGreaterThanOrEqual(MIN);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('lets no set of comments be isolated below the comment threshold, labels included', () => {
    fc.assert(
      fc.property(orgArbitrary, org => {
        const view = attackerView(org);
        for (const cell of view.commentAtoms) {
          expect(cell.length).toBeGreaterThanOrEqual(MIN_COMMENTS);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
