import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { bulkWrite } from './util';

jest.setTimeout(60_000);

const AT = new Date('2026-11-20T10:00:00.000Z');

describe('bulkWrite', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function table(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.schema.createTable('t', t => {
      t.string('id').primary();
      t.integer('n').notNullable();
      t.text('doc').nullable();
      t.boolean('flag').nullable();
      t.timestamp('at', { useTz: true }).nullable();
    });
    return knex;
  }

  const write = (db: Knex, rows: object[]) =>
    bulkWrite(
      db,
      't',
      ['id', 'n', 'doc', 'flag', 'at'],
      rows,
      { keys: ['id'], set: { n: 't.n + excluded.n' } },
      ['doc'],
    );

  it.each(databases.eachSupportedId())(
    'inserts and upserts the same way in and outside transactions on %p',
    async databaseId => {
      const knex = await table(databaseId);
      const doc = JSON.stringify([['a', 'pass', 'says "hi" \\ ✓', 1.5]]);
      const inserts: string[] = [];
      knex.on('query', (q: { sql: string }) => {
        if (/^insert/i.test(q.sql)) inserts.push(q.sql);
      });
      // Outside a transaction, then inside one (SQLite's prepared path).
      await write(knex, [
        { id: 'x', n: 1, doc, flag: true, at: AT },
        { id: 'y', n: 2, doc: null, flag: false },
      ]);
      await knex.transaction(trx =>
        write(trx, [
          { id: 'x', n: 10, doc, flag: true, at: AT },
          { id: 'z', n: 3, doc, flag: null, at: AT },
        ]),
      );
      // On SQLite the transaction's rows went through a prepared statement
      // of the driver, not through a knex query.
      expect(inserts).toHaveLength(databaseId === 'SQLITE_3' ? 1 : 2);
      const rows = await knex('t').orderBy('id');
      expect(
        rows.map(r => [
          r.id,
          Number(r.n),
          r.doc === null ? null : JSON.parse(r.doc),
          r.flag === null ? null : Boolean(r.flag),
          r.at === null ? null : new Date(r.at).toISOString(),
        ]),
      ).toEqual([
        ['x', 11, JSON.parse(doc), true, AT.toISOString()],
        ['y', 2, null, false, null],
        ['z', 3, JSON.parse(doc), null, AT.toISOString()],
      ]);
      // Bound Dates still compare with what was written.
      const [{ c }] = await knex('t').where('at', '>=', AT).count({ c: '*' });
      expect(Number(c)).toBe(2);
    },
  );
});
