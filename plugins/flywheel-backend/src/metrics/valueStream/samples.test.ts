import { Service } from '../services/ServiceDirectory';
import { sampleSize, ValueStreamData, valueStreamSamples } from './samples';

const d = (iso: string) => new Date(iso);
const DAY = 86_400;
const NOVEMBER = {
  start: d('2026-11-01T00:00:00Z'),
  end: d('2026-12-01T00:00:00Z'),
};
const OCTOBER = {
  start: d('2026-10-01T00:00:00Z'),
  end: d('2026-11-01T00:00:00Z'),
};
const OPTIONS = { now: d('2026-12-06T00:00:00Z'), withinDays: 14 };

const service = (
  name: string,
  created?: string,
  isGoldenPath = true,
): Service => ({
  entityRef: `component:default/${name}`,
  isGoldenPath,
  ...(created ? { createdAt: d(created) } : {}),
});

// a: created 1 Nov, deployed 3 Nov (2 days); b: created 2 Nov, deployed
// 22 Nov (20 days); c: created 5 Nov, never deployed; e: created 28 Nov,
// its 14 days not over by 6 Dec; f: no known creation time.
const SERVICES = [
  service('a', '2026-11-01T00:00:00Z'),
  service('b', '2026-11-02T00:00:00Z'),
  service('c', '2026-11-05T00:00:00Z'),
  service('e', '2026-11-28T00:00:00Z'),
  service('f'),
];
const ref = (name: string) => `component:default/${name}`;

const DATA: ValueStreamData = {
  firstDeployments: new Map([
    [ref('a'), d('2026-11-03T00:00:00Z')],
    [ref('b'), d('2026-11-22T00:00:00Z')],
    [ref('e'), d('2026-11-29T00:00:00Z')],
    [ref('f'), d('2026-11-10T00:00:00Z')],
  ]),
  deployments: [
    {
      entityRef: ref('a'),
      success: true,
      finishedAt: d('2026-11-03T00:00:00Z'),
    },
    {
      entityRef: ref('a'),
      success: true,
      finishedAt: d('2026-11-10T00:00:00Z'),
    },
    {
      entityRef: ref('a'),
      success: false,
      finishedAt: d('2026-11-11T00:00:00Z'),
    },
    {
      entityRef: ref('a'),
      success: true,
      finishedAt: d('2026-11-12T00:00:00Z'),
    },
    {
      entityRef: ref('b'),
      success: true,
      finishedAt: d('2026-11-22T00:00:00Z'),
    },
    {
      entityRef: ref('f'),
      success: false,
      finishedAt: d('2026-11-10T00:00:00Z'),
    },
    {
      entityRef: 'component:default/elsewhere',
      success: true,
      finishedAt: d('2026-11-10T00:00:00Z'),
    },
  ],
  leadTimes: [
    {
      entityRef: ref('a'),
      finishedAt: d('2026-11-03T00:00:00Z'),
      seconds: 3600,
    },
    {
      entityRef: ref('a'),
      finishedAt: d('2026-11-10T00:00:00Z'),
      seconds: 7200,
    },
    {
      entityRef: ref('b'),
      finishedAt: d('2026-11-22T00:00:00Z'),
      seconds: 36_000,
    },
  ],
  recoveries: [
    {
      entityRef: ref('a'),
      failedAt: d('2026-11-11T00:00:00Z'),
      recoveredAt: d('2026-11-12T00:00:00Z'),
    },
    { entityRef: ref('f'), failedAt: d('2026-11-10T00:00:00Z') },
  ],
  reporting: new Set([ref('a'), ref('b'), ref('f')]),
};

const samples = (id: string, bucket = NOVEMBER, services = SERVICES) =>
  valueStreamSamples(`valueStream.${id}`, services, bucket, DATA, OPTIONS);

describe('valueStreamSamples', () => {
  it('time to first deploy: median and p90 of the deployed services created in the interval', () => {
    // a 2 days, b 20 days, e 1 day (c never deployed, f no creation time)
    const median = samples('timeToFirstDeploy.median');
    expect(median.value).toBe(2 * DAY);
    expect(sampleSize(median)).toBe(3);
    // p90 of [1, 2, 20] days: rank 0.9·2 = 1.8 → 2 + 0.8·18 = 16.4 days
    expect(samples('timeToFirstDeploy.p90').value).toBeCloseTo(16.4 * DAY, 6);
  });

  it('deployed within 14 days counts services never deployed and waits for young ones', () => {
    // cohort a, b, c (e is younger than 14 days): only a made it
    const share = samples('deployedWithinDays');
    expect(share).toMatchObject({
      kind: 'share',
      successes: 1,
      n: 3,
      value: 33.3,
    });
  });

  it('lead time: the median over deployments finished in the interval', () => {
    const lead = samples('leadTime.median');
    expect(lead.value).toBe(7200); // median of 3600, 7200, 36000
  });

  it('deployment frequency: per reporting service and week, median', () => {
    // November is 30 days = 4.2857 weeks: a 3 successes → 0.7, b 1 → 0.23,
    // f 0 → 0 (c and e report nothing and are left out)
    const frequency = samples('deploymentFrequency');
    expect(frequency).toMatchObject({ values: [0.7, 0.23, 0], value: 0.23 });
  });

  it('counts deployments and the change failure rate of the scope only', () => {
    expect(samples('deployments').value).toBe(4);
    // a: 3 ok + 1 failed, b: 1 ok, f: 1 failed → 2 of 6
    expect(samples('changeFailureRate')).toMatchObject({
      successes: 2,
      n: 6,
      value: 33.3,
    });
  });

  it('recovery time: failures recovered, from failure to next success', () => {
    const recovery = samples('recoveryTime.median');
    expect(recovery.value).toBe(DAY);
    expect(sampleSize(recovery)).toBe(1); // f has not recovered
  });

  it('an empty interval has no value rather than zero', () => {
    for (const id of [
      'timeToFirstDeploy.median',
      'deployedWithinDays',
      'leadTime.median',
      'changeFailureRate',
      'recoveryTime.median',
    ]) {
      const empty = samples(id, OCTOBER);
      expect([id, empty.value, sampleSize(empty)]).toEqual([id, null, 0]);
    }
    // services report deployments, none in October: frequency 0, not null
    expect(samples('deploymentFrequency', OCTOBER).value).toBe(0);
  });

  it('one sample gives its own value', () => {
    const onlyB = [service('b', '2026-11-02T00:00:00Z')];
    expect(samples('timeToFirstDeploy.median', NOVEMBER, onlyB).value).toBe(
      20 * DAY,
    );
    expect(samples('timeToFirstDeploy.p90', NOVEMBER, onlyB).value).toBe(
      20 * DAY,
    );
    expect(samples('leadTime.median', NOVEMBER, onlyB).value).toBe(36_000);
  });

  it('gives the same for a few services among many rows as for all of them', () => {
    // 40 services with a deployment every day of November, every fifth
    // one failing: one service is read from its own rows, all 40 by a scan.
    const many = Array.from({ length: 40 }, (_, i) =>
      service(`s${i}`, '2026-10-01T00:00:00Z'),
    );
    const deployments = many.flatMap((s, i) =>
      Array.from({ length: 30 }, (_, day) => ({
        entityRef: s.entityRef,
        success: (day + i) % 5 !== 0,
        finishedAt: new Date(Date.UTC(2026, 10, day + 1, i % 24)),
      })),
    );
    const data: ValueStreamData = {
      ...DATA,
      deployments,
      leadTimes: deployments.map((dep, k) => ({ ...dep, seconds: k })),
      recoveries: deployments
        .filter(dep => !dep.success)
        .map(dep => ({
          entityRef: dep.entityRef,
          failedAt: dep.finishedAt,
          recoveredAt: new Date(dep.finishedAt.getTime() + 3_600_000),
        })),
      reporting: new Set(many.map(s => s.entityRef)),
    };
    const firstWeek = {
      start: d('2026-11-01T00:00:00Z'),
      end: d('2026-11-08T00:00:00Z'),
    };
    const of = (id: string, services: Service[]) =>
      valueStreamSamples(
        `valueStream.${id}`,
        services,
        firstWeek,
        data,
        OPTIONS,
      );
    const one = [many[7]];
    // s7 in the first week: 7 deployments, days 3 (1-based) fails (3 + 7 = 10)
    expect(of('deployments', one).value).toBe(6);
    expect(of('changeFailureRate', one)).toMatchObject({ successes: 1, n: 7 });
    expect(of('recoveryTime.median', one).value).toBe(3600);
    expect(of('deploymentFrequency', one).value).toBe(6);
    const lead = of('leadTime.median', one);
    expect(lead).toMatchObject({ values: [210, 211, 212, 213, 214, 215, 216] });
    // Two services read from their own rows: in list order, as a scan gives.
    expect(of('leadTime.median', [many[9], many[2]])).toMatchObject({
      values: [60, 61, 62, 63, 64, 65, 66, 270, 271, 272, 273, 274, 275, 276],
    });
    // All of them: 40 × 7 deployments, every fifth one failed.
    expect(of('deployments', many).value).toBe(40 * 7 - 56);
    expect(of('changeFailureRate', many)).toMatchObject({
      successes: 56,
      n: 280,
    });
  });

  it('gives the same from lists sorted by time (searched) as from unsorted ones (scanned)', () => {
    // 30 services deploying every 60 hours through November, in service
    // order; the same rows sorted by time, as ValueStreamFacts keeps them.
    // All or 20 of them are found by a scan (searched when sorted), 3 by
    // their own rows.
    const many = Array.from({ length: 30 }, (_, i) =>
      service(`t${i}`, '2026-10-01T00:00:00Z'),
    );
    const deployments = many.flatMap((s, i) =>
      Array.from({ length: 12 }, (_, k) => ({
        entityRef: s.entityRef,
        success: (k + i) % 7 !== 0,
        finishedAt: new Date(Date.UTC(2026, 10, 1, i) + k * 60 * 3_600_000),
      })),
    );
    const unsorted: ValueStreamData = {
      ...DATA,
      deployments,
      leadTimes: deployments.map((dep, k) => ({ ...dep, seconds: k % 97 })),
      recoveries: deployments
        .filter(dep => !dep.success)
        .map(dep => ({
          entityRef: dep.entityRef,
          failedAt: dep.finishedAt,
          recoveredAt: new Date(dep.finishedAt.getTime() + 7_200_000),
        })),
      reporting: new Set(many.map(s => s.entityRef)),
    };
    const byTime = <T>(list: T[], time: (row: T) => Date) =>
      [...list].sort((a, b) => time(a).getTime() - time(b).getTime());
    const sorted: ValueStreamData = {
      ...unsorted,
      deployments: byTime(unsorted.deployments, r => r.finishedAt),
      leadTimes: byTime(unsorted.leadTimes, r => r.finishedAt),
      recoveries: byTime(unsorted.recoveries, r => r.failedAt),
    };
    const weeks = [0, 1, 2, 3, 4].map(w => ({
      start: new Date(Date.UTC(2026, 10, 2 + 7 * w, 5)),
      end: new Date(Date.UTC(2026, 10, 9 + 7 * w, 5)),
    }));
    const metrics = [
      'deployments',
      'changeFailureRate',
      'recoveryTime.median',
      'deploymentFrequency',
      'leadTime.median',
    ];
    for (const services of [many, many.slice(0, 20), many.slice(4, 7)]) {
      for (const week of weeks) {
        for (const id of metrics) {
          const of = (data: ValueStreamData) => {
            const found = valueStreamSamples(
              `valueStream.${id}`,
              services,
              week,
              data,
              OPTIONS,
            );
            return found.kind === 'values'
              ? { ...found, values: [...found.values].sort() }
              : found;
          };
          expect([id, of(sorted)]).toEqual([id, of(unsorted)]);
        }
      }
    }
    expect(
      valueStreamSamples(
        'valueStream.deployments',
        many,
        weeks[1],
        sorted,
        OPTIONS,
      ).value,
    ).toBeGreaterThan(50);
  });
});
