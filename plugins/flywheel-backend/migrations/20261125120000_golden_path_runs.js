/*
 * Golden-path scaffolder runs, recorded by the flywheel:run:record action.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('flywheel_scaffolder_runs', table => {
    table.comment('One row per scaffolder task of a golden-path template');
    table.string('task_id', 255).primary().notNullable();
    table.string('template_ref', 255).notNullable();
    table.string('template_version', 64).nullable();
    table.string('entity_ref', 255).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('user_ref', 255).nullable().comment('From the credentials');
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('completed_at', { useTz: true }).nullable();
    table.string('outcome', 16).notNullable();
    table
      .timestamp('recorded_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.index(['template_ref'], 'flywheel_scaffolder_runs_template_idx');
    table.index(['entity_ref'], 'flywheel_scaffolder_runs_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('flywheel_scaffolder_runs');
};
