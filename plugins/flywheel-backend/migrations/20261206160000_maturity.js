/*
 * Maturity stages of platform capabilities: every version of every stage
 * model, the append-only stage transitions (each freezing the criteria of
 * its moment), attestations and waivers of criteria, the last status of
 * each criterion (so a met criterion that starts failing is noticed once),
 * and the product dashboard's outcome targets set in the UI.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_models', table => {
    table.comment('Every version of every stage model ever configured');
    table.string('model_id', 100).notNullable();
    table.integer('version').notNullable();
    table.text('definition').notNullable().comment('JSON stage model');
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.primary(['model_id', 'version'], 'maturity_models_pk');
  });
  await knex.schema.createTable('maturity_transitions', table => {
    table.comment('Stage changes of capabilities, append-only');
    table.string('id', 36).primary();
    table.string('capability_ref', 255).notNullable();
    table
      .integer('seq')
      .notNullable()
      .comment('1, 2, 3 per capability: two concurrent moves cannot both land');
    table.string('model_id', 100).notNullable();
    table.integer('model_version').notNullable();
    table.string('from_stage', 100).nullable();
    table.string('from_title', 255).nullable();
    table.string('to_stage', 100).notNullable();
    table.string('to_title', 255).notNullable();
    table.string('direction', 20).notNullable();
    table.text('rationale').notNullable();
    table
      .text('override_reason')
      .nullable()
      .comment(
        'Set when required criteria were unmet and the actor went ahead',
      );
    table.string('actor_ref', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table
      .text('criteria')
      .notNullable()
      .comment('JSON: the exit criteria of the stage left, as evaluated then');
    table.unique(['capability_ref', 'seq'], {
      indexName: 'maturity_transitions_cap_seq_uq',
    });
    table.index(['created_at'], 'maturity_transitions_created_idx');
  });
  await knex.schema.createTable('maturity_attestations', table => {
    table.comment(
      'Attestations of manual criteria and waivers of any criterion',
    );
    table.string('id', 36).primary();
    table.string('kind', 20).notNullable().comment('attestation or waiver');
    table.string('capability_ref', 255).notNullable();
    table.string('model_id', 100).notNullable();
    table.string('stage_id', 100).notNullable();
    table.string('criterion_id', 100).notNullable();
    table.string('actor_ref', 255).notNullable();
    table.string('evidence_url', 2000).nullable();
    table.text('note').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).nullable();
    table.index(
      ['capability_ref', 'created_at'],
      'maturity_attestations_cap_idx',
    );
  });
  await knex.schema.createTable('maturity_criterion_states', table => {
    table.comment('The last status of each criterion the watch task saw');
    table.string('capability_ref', 255).notNullable();
    table.string('model_id', 100).notNullable();
    table.string('stage_id', 100).notNullable();
    table.string('criterion_id', 100).notNullable();
    table.string('status', 20).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.primary(
      ['capability_ref', 'model_id', 'stage_id', 'criterion_id'],
      'maturity_criterion_states_pk',
    );
  });
  await knex.schema.createTable('outcome_targets', table => {
    table.comment('Product dashboard targets set in the UI, over the config');
    table.string('outcome_key', 255).primary();
    table.double('value').notNullable();
    table.string('set_by', 255).notNullable();
    table.timestamp('set_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('outcome_targets');
  await knex.schema.dropTable('maturity_criterion_states');
  await knex.schema.dropTable('maturity_attestations');
  await knex.schema.dropTable('maturity_transitions');
  await knex.schema.dropTable('maturity_models');
};
