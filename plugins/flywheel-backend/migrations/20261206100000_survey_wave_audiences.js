/*
 * Each survey wave's audience, frozen when the wave opens: how many people
 * of each team were in the audience (the population of the finite-population
 * correction) and how many were invited (in the sample and not throttled:
 * the denominator of the response rate). Counts are of a team's own members,
 * not its sub-teams, so they add up along today's hierarchy exactly as the
 * responses, stored with the respondent's team, do.
 *
 * Waves that opened before this migration keep no per-team snapshot: their
 * team rows show no audience, response rate or correction.
 */

// @ts-check

// Dropping a column rebuilds the table on SQLite (down): inside a
// transaction foreign keys cannot be turned off first, and dropping
// survey_waves would cascade to every response. Outside one, knex does.
exports.config = { transaction: false };

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('survey_waves', table => {
    table
      .integer('invited_size')
      .nullable()
      .comment('People invited when the wave opened (sampled, not throttled)');
    table
      .timestamp('audience_snapshot_at', { useTz: true })
      .nullable()
      .comment('When the audience was frozen; null before that');
  });
  await knex.schema.createTable('survey_wave_audiences', table => {
    table.comment('The audience of each wave per team, frozen when it opened');
    table
      .string('wave_id', 36)
      .notNullable()
      .references('id')
      .inTable('survey_waves')
      .onDelete('CASCADE');
    table
      .string('group_ref', 255)
      .notNullable()
      .comment(
        'Own members of a team, lowercased; empty for people in no team',
      );
    table.integer('audience').notNullable();
    table.integer('invited').notNullable();
    table.primary(['wave_id', 'group_ref'], 'survey_wave_audiences_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('survey_wave_audiences');
  await knex.schema.alterTable('survey_waves', table => {
    table.dropColumn('audience_snapshot_at');
    table.dropColumn('invited_size');
  });
};
