/*
 * Anonymous survey answers that nothing links to the person who gave them:
 *
 * - Anonymous responses and their comments keep no time at all, only their
 *   wave: submitted_on becomes nullable and is cleared on existing ones. A
 *   day was enough to pair a response with the participation row of the one
 *   member of its team who answered that day.
 * - pending_mix marks anonymous responses still in the order they arrived
 *   in, which the participation rows share. A scheduled job rewrites them,
 *   with a random sample of the wave's older ones, in a shuffled order (see
 *   SurveyStore.mixAnonymousResponses). Existing anonymous responses are
 *   marked, so the first run mixes them.
 */

// @ts-check

// SQLite rebuilds a table to change a column's NOT NULL, dropping the old
// one: inside a transaction it cannot turn foreign keys off first, and the
// drop would cascade to every answer and comment. Outside one, knex does.
exports.config = { transaction: false };

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('survey_responses', table => {
    table.string('submitted_on', 10).nullable().alter();
    table
      .boolean('pending_mix')
      .notNullable()
      .defaultTo(false)
      .comment('Anonymous and still in arrival order: to be shuffled');
    table.index(['pending_mix', 'wave_id'], 'survey_responses_pending_mix_idx');
  });
  await knex.schema.alterTable('survey_comments', table => {
    table.string('submitted_on', 10).nullable().alter();
  });
  await knex.transaction(async trx => {
    await trx('survey_responses')
      .whereNull('user_ref')
      .update({ submitted_on: null, pending_mix: true });
    await trx('survey_comments')
      .whereIn(
        'response_id',
        trx('survey_responses').whereNull('user_ref').select('id'),
      )
      .update({ submitted_on: null });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // The days are gone; a placeholder keeps the column's NOT NULL.
  await knex.transaction(async trx => {
    for (const table of ['survey_responses', 'survey_comments']) {
      await trx(table)
        .whereNull('submitted_on')
        .update({ submitted_on: '1970-01-01' });
    }
  });
  await knex.schema.alterTable('survey_responses', table => {
    table.dropIndex(
      ['pending_mix', 'wave_id'],
      'survey_responses_pending_mix_idx',
    );
    table.dropColumn('pending_mix');
    table.string('submitted_on', 10).notNullable().alter();
  });
  await knex.schema.alterTable('survey_comments', table => {
    table.string('submitted_on', 10).notNullable().alter();
  });
};
