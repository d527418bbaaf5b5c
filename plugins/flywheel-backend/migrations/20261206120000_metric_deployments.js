/*
 * Deployments as CI/CD reports them (Apache DevLake's webhook shape), the
 * commits each one shipped, and each service's first successful production
 * deployment (recorded once, so its survey trigger fires once). Value-stream
 * metrics are computed from these: time to first deploy, lead time for
 * changes, deployment frequency, change failure rate, recovery time.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('metric_deployments', table => {
    table.comment('Deployments reported by CI/CD, one row per deployment id');
    table
      .string('deployment_id', 255)
      .primary()
      .comment('The id the caller gave: a retried POST replaces, never adds');
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 16).notNullable();
    table.string('result', 16).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table
      .timestamp('finished_at', { useTz: true })
      .notNullable()
      .comment('When the deployment finished: the time metrics count it at');
    table.timestamp('created_date', { useTz: true }).nullable();
    table.string('name', 500).nullable();
    table.string('display_title', 500).nullable();
    table.text('url').nullable();
    table
      .string('content_hash', 64)
      .notNullable()
      .comment('Hash of the posted content, to tell a retry from a change');
    table.timestamp('ingested_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'finished_at'], 'metric_deployments_entity_idx');
    table.index(['finished_at'], 'metric_deployments_finished_idx');
  });
  await knex.schema.createTable('metric_deployment_commits', table => {
    table.comment('The commits each deployment shipped');
    table
      .string('deployment_id', 255)
      .notNullable()
      .references('deployment_id')
      .inTable('metric_deployments')
      .onDelete('CASCADE');
    table.string('commit_sha', 64).notNullable();
    table.text('repo_url').notNullable();
    table
      .timestamp('authored_at', { useTz: true })
      .nullable()
      .comment('When the commit was authored: lead time starts here');
    table.string('entity_ref', 255).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
    table
      .boolean('production_success')
      .notNullable()
      .comment('A successful production deployment (copied for the lookup)');
    table.primary(
      ['deployment_id', 'commit_sha'],
      'metric_deployment_commits_pk',
    );
    table.index(
      ['entity_ref', 'commit_sha', 'deployed_at'],
      'metric_deployment_commits_sha_idx',
    );
  });
  await knex.schema.createTable('metric_first_deployments', table => {
    table.comment('The first successful production deployment of each service');
    table.string('entity_ref', 255).primary();
    table.string('deployment_id', 255).notNullable();
    table.timestamp('deployed_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('metric_first_deployments');
  await knex.schema.dropTable('metric_deployment_commits');
  await knex.schema.dropTable('metric_deployments');
};
