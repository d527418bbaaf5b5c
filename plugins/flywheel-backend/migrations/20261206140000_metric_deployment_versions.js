/*
 * A version of the deployment data, raised by every write that changes it,
 * and the version each deployment row was written at: a replica that keeps
 * the value-stream facts in memory asks for the version and re-reads only
 * the services written since (clocks of replicas may differ; versions do
 * not).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('metric_data_versions', table => {
    table.comment('A counter per kind of metric data, raised by each write');
    table.string('name', 100).primary();
    table.bigInteger('version').notNullable();
  });
  await knex.schema.alterTable('metric_deployments', table => {
    table
      .bigInteger('ingest_version')
      .notNullable()
      .defaultTo(0)
      .comment('The deployments data version this row was written at');
    table.index(['ingest_version'], 'metric_deployments_ingest_version_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('metric_deployments', table => {
    table.dropIndex(
      ['ingest_version'],
      'metric_deployments_ingest_version_idx',
    );
    table.dropColumn('ingest_version');
  });
  await knex.schema.dropTable('metric_data_versions');
};

exports.config = { transaction: false };
