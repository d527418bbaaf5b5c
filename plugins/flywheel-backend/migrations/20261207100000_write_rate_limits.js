/*
 * Writes each person made per minute, for the per-person write limit
 * (flywheel.rateLimit). Kept in the database so every replica counts
 * against the same budget; rows older than the last two minutes are deleted
 * as windows roll over.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('flywheel_write_counts', table => {
    table.comment('Writes per person per fixed one-minute window');
    table
      .string('caller', 255)
      .notNullable()
      .comment('The user entity ref from the credentials, lower-cased');
    table
      .bigInteger('window_start')
      .notNullable()
      .comment('Start of the window in ms since 1970-01-01');
    table.integer('hits').notNullable();
    table.primary(['caller', 'window_start'], 'flywheel_write_counts_pk');
    table.index(['window_start'], 'flywheel_write_counts_window_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('flywheel_write_counts');
};
