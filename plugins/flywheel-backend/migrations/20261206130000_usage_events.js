/*
 * Platform usage: the analytics events the frontend module sends (page
 * views, clicks, searches, creations), each under the person whose
 * credentials sent it, and one row per person and UTC day they were active,
 * kept beside the events so active users, stickiness and new users read a
 * small table. Both are pruned after flywheel.metrics.usage.retentionDays.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('usage_events', table => {
    table.comment(
      'Analytics events from the app, one row per event, under the sender',
    );
    table.bigIncrements('id');
    table
      .string('user_ref', 255)
      .notNullable()
      .comment('The sender from their credentials, never from the payload');
    table
      .timestamp('occurred_at', { useTz: true })
      .notNullable()
      .comment('When the event happened in the browser, checked on arrival');
    table
      .integer('day')
      .notNullable()
      .comment('The UTC day of occurred_at, in days since 1970-01-01');
    table.string('action', 100).notNullable();
    table.string('subject', 1000).notNullable();
    table.string('plugin_id', 100).notNullable();
    table.string('route_ref', 255).nullable();
    table.string('extension', 255).nullable();
    table.string('entity_ref', 255).nullable();
    table.text('attributes').nullable().comment('JSON object, or null');
    table.double('value').nullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.index(['occurred_at'], 'usage_events_occurred_idx');
    table.index(['entity_ref', 'occurred_at'], 'usage_events_entity_idx');
  });
  await knex.schema.createTable('usage_user_days', table => {
    table.comment('The UTC days each person sent at least one event');
    table.string('user_ref', 255).notNullable();
    table
      .integer('day')
      .notNullable()
      .comment('UTC day in days since 1970-01-01');
    table.primary(['user_ref', 'day'], 'usage_user_days_pk');
    table.index(['day'], 'usage_user_days_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('usage_user_days');
  await knex.schema.dropTable('usage_events');
};
