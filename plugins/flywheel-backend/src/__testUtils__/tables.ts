import { Knex } from 'knex';
import { isSqlite } from '../database/engines';

/** Every table of the plugin's database (not knex's own), sorted by name. */
export async function tablesOf(knex: Knex): Promise<string[]> {
  const names: string[] = isSqlite(knex)
    ? (
        await knex('sqlite_master')
          .where('type', 'table')
          .andWhereNot('name', 'like', 'sqlite_%')
          .select('name')
      ).map(r => r.name)
    : (
        await knex('information_schema.tables')
          .whereRaw('table_schema = current_schema()')
          .andWhere('table_type', 'BASE TABLE')
          .select('table_name')
      ).map(r => r.table_name);
  return names.filter(name => !name.startsWith('knex_migrations')).sort();
}
