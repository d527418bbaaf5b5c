/*
 * Where each deployment source of a backend module (the metrics extension
 * point) left off: the cursor its last successful pull returned.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('metric_source_cursors', table => {
    table.comment('The cursor of each deployment source after its last pull');
    table.string('source_id', 100).primary();
    table.text('cursor').nullable();
    table.timestamp('pulled_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('metric_source_cursors');
};
