import { bucketDays, UsageData, usageValue } from './activity';
import {
  ACTIVE_USERS,
  ACTIVE_USER_SHARE,
  NEW_USERS,
  RETURNING_USERS,
  STICKINESS,
} from './definitions';
import { dayOf } from './store/usageRows';

const d = (iso: string) => new Date(iso);
const day = (date: string) => dayOf(d(`${date}T00:00:00Z`));
const bucket = (start: string, end: string) => ({
  start: d(start),
  end: d(end),
});

// The ISO week of Monday 30 Nov 2026.
const WEEK = bucket('2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z');
const MONDAY = bucket('2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z');
const NEXT_MONDAY = bucket('2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');

// ada: Mon, Tue, Wed, first seen 20 Nov; bob: Mon, first seen that day;
// cy: Fri, first seen that day.
const DATA: UsageData = {
  activity: [
    { userRef: 'ada', day: day('2026-11-30') },
    { userRef: 'ada', day: day('2026-12-01') },
    { userRef: 'ada', day: day('2026-12-02') },
    { userRef: 'bob', day: day('2026-11-30') },
    { userRef: 'cy', day: day('2026-12-04') },
  ],
  firstDays: new Map([
    ['ada', day('2026-11-20')],
    ['bob', day('2026-11-30')],
    ['cy', day('2026-12-04')],
  ]),
  activeBeforeWindow: new Set(),
  from: WEEK.start,
};

const value = (metricId: string, b = WEEK, data = DATA, people?: Set<string>) =>
  usageValue(metricId, b, data, { people });

describe('usage metrics', () => {
  it('counts the days a bucket touches, partial days included', () => {
    expect(bucketDays(WEEK)).toEqual({
      first: day('2026-11-30'),
      end: day('2026-12-07'),
    });
    expect(
      bucketDays(bucket('2026-12-02T12:00:00Z', '2026-12-07T00:00:00Z')),
    ).toEqual({ first: day('2026-12-02'), end: day('2026-12-07') });
  });

  it('active users: distinct people in the interval', () => {
    expect(value(ACTIVE_USERS)).toEqual({ value: 3, sampleSize: 3 });
    expect(value(ACTIVE_USERS, MONDAY)).toEqual({ value: 2, sampleSize: 2 });
    // No one came: zero people, not an unknown.
    expect(value(ACTIVE_USERS, NEXT_MONDAY)).toEqual({
      value: 0,
      sampleSize: 0,
    });
  });

  it('stickiness: mean daily active users ÷ active users', () => {
    // 5 person-days over 7 days: 5/7 a day, of 3 people: 23.8%
    expect(value(STICKINESS)).toEqual({ value: 23.8, sampleSize: 3 });
    // One day: everyone active that day came that day.
    expect(value(STICKINESS, MONDAY)).toEqual({ value: 100, sampleSize: 2 });
    expect(value(STICKINESS, NEXT_MONDAY)).toEqual({
      value: null,
      sampleSize: 0,
    });
    // A window that starts on Wednesday at noon: its first point has five
    // days (Wed to Sun); ada (Wed) and cy (Fri): 2/5 a day of 2 = 20%.
    const fromWednesdayNoon = {
      ...DATA,
      activity: DATA.activity.filter(a => a.day >= day('2026-12-02')),
      from: d('2026-12-02T12:00:00Z'),
    };
    expect(
      value(
        STICKINESS,
        bucket('2026-12-02T12:00:00Z', '2026-12-07T00:00:00Z'),
        fromWednesdayNoon,
      ),
    ).toEqual({ value: 20, sampleSize: 2 });
  });

  it('new and returning users: first event in the interval or before it', () => {
    expect(value(NEW_USERS)).toEqual({ value: 2, sampleSize: 2 }); // bob, cy
    expect(value(RETURNING_USERS)).toEqual({ value: 1, sampleSize: 1 }); // ada
    expect(value(NEW_USERS, MONDAY)).toEqual({ value: 1, sampleSize: 1 });
    expect(value(RETURNING_USERS, MONDAY)).toEqual({
      value: 1,
      sampleSize: 1,
    });
    expect(value(NEW_USERS, NEXT_MONDAY)).toEqual({ value: 0, sampleSize: 0 });
    expect(value(RETURNING_USERS, NEXT_MONDAY)).toEqual({
      value: 0,
      sampleSize: 0,
    });
  });

  it('a window starting mid-day: who came earlier that day is not new in it', () => {
    // eve and fay were first seen on Wednesday; the window starts at noon,
    // and eve had come that morning already.
    const data: UsageData = {
      activity: [
        { userRef: 'eve', day: day('2026-12-02') },
        { userRef: 'fay', day: day('2026-12-02') },
      ],
      firstDays: new Map([
        ['eve', day('2026-12-02')],
        ['fay', day('2026-12-02')],
      ]),
      activeBeforeWindow: new Set(['eve']),
      from: d('2026-12-02T12:00:00Z'),
    };
    const first = bucket('2026-12-02T12:00:00Z', '2026-12-03T00:00:00Z');
    expect(value(NEW_USERS, first, data)).toEqual({ value: 1, sampleSize: 1 });
    expect(value(RETURNING_USERS, first, data)).toEqual({
      value: 1,
      sampleSize: 1,
    });
  });

  it('one sample', () => {
    const one: UsageData = {
      activity: [{ userRef: 'ada', day: day('2026-12-01') }],
      firstDays: new Map([['ada', day('2026-12-01')]]),
      activeBeforeWindow: new Set(),
      from: WEEK.start,
    };
    expect(value(ACTIVE_USERS, WEEK, one)).toEqual({ value: 1, sampleSize: 1 });
    // One day of seven: 1/7 a day, of one person: 14.3%
    expect(value(STICKINESS, WEEK, one)).toEqual({
      value: 14.3,
      sampleSize: 1,
    });
    expect(value(NEW_USERS, WEEK, one)).toEqual({ value: 1, sampleSize: 1 });
    expect(value(ACTIVE_USER_SHARE, WEEK, one, new Set(['ada']))).toEqual({
      value: 100,
      sampleSize: 1,
    });
  });

  it('share of catalog users: only people in the catalog count', () => {
    const people = new Set(['ada', 'bob', 'dan']); // cy is not in the catalog
    expect(value(ACTIVE_USER_SHARE, WEEK, DATA, people)).toEqual({
      value: 66.7,
      sampleSize: 3,
    });
    expect(value(ACTIVE_USER_SHARE, NEXT_MONDAY, DATA, people)).toEqual({
      value: 0,
      sampleSize: 3,
    });
    expect(value(ACTIVE_USER_SHARE, WEEK, DATA, new Set())).toEqual({
      value: null,
      sampleSize: 0,
    });
  });

  it('empty data', () => {
    const empty: UsageData = {
      activity: [],
      firstDays: new Map(),
      activeBeforeWindow: new Set(),
      from: WEEK.start,
    };
    expect(
      [ACTIVE_USERS, STICKINESS, NEW_USERS, RETURNING_USERS].map(id =>
        value(id, WEEK, empty),
      ),
    ).toEqual([
      { value: 0, sampleSize: 0 },
      { value: null, sampleSize: 0 },
      { value: 0, sampleSize: 0 },
      { value: 0, sampleSize: 0 },
    ]);
    expect(() => value('usage.nope')).toThrow('Not a usage metric');
  });

  it('a long activity list, indexed by day, counts each bucket as a scan does', () => {
    // 60 people over 30 days, each active on about a third of the days.
    const start = day('2026-11-01');
    const activity = Array.from({ length: 60 }, (_, p) =>
      Array.from({ length: 30 }, (__, i) => ({
        userRef: `u${p}`,
        day: start + i,
      })).filter(a => (a.day * 7 + p * 13) % 3 === 0),
    ).flat();
    expect(activity.length).toBeGreaterThan(512);
    const long: UsageData = { ...DATA, activity, firstDays: new Map() };
    const buckets = [
      bucket('2026-11-01T00:00:00Z', '2026-11-08T00:00:00Z'),
      bucket('2026-11-03T12:00:00Z', '2026-11-04T06:00:00Z'),
      bucket('2026-11-25T00:00:00Z', '2026-12-07T00:00:00Z'),
      bucket('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z'),
    ];
    for (const b of buckets) {
      const { first, end } = bucketDays(b);
      const inBucket = activity.filter(a => a.day >= first && a.day < end);
      const people = new Set(inBucket.map(a => a.userRef)).size;
      expect(value(ACTIVE_USERS, b, long)).toEqual({
        value: people,
        sampleSize: people,
      });
      const meanDaily = inBucket.length / (end - first);
      expect(value(STICKINESS, b, long)).toEqual(
        people === 0
          ? { value: null, sampleSize: 0 }
          : {
              value: Math.round((1000 * meanDaily) / people) / 10,
              sampleSize: people,
            },
      );
    }
    // The empty bucket is one of them: zero people, stickiness unknown.
    expect(value(ACTIVE_USERS, buckets[3], long).value).toBe(0);
  });
});
