/*
 * Rollups of usage_events that the usage breakdown reads instead of the
 * events: per plugin, route and person, when they last used it; per UTC day,
 * plugin and route, how many events there were. The store keeps them in the
 * statement that stores the events, and prunes them with the events. A route
 * of '' stands for events without one. Filled here from the events stored.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('usage_route_users', table => {
    table.comment(
      'When each person last used each plugin and route (from usage_events)',
    );
    table.string('plugin_id', 100).notNullable();
    table
      .string('route_ref', 255)
      .notNullable()
      .comment("The event's route, or '' for none");
    table.string('user_ref', 255).notNullable();
    table
      .timestamp('last_at', { useTz: true })
      .notNullable()
      .comment('The latest occurred_at of their events there');
    table.primary(
      ['plugin_id', 'route_ref', 'user_ref'],
      'usage_route_users_pk',
    );
    table.index(['last_at'], 'usage_route_users_last_idx');
  });
  await knex.schema.createTable('usage_route_days', table => {
    table.comment('Events per UTC day, plugin and route (from usage_events)');
    table
      .integer('day')
      .notNullable()
      .comment('UTC day in days since 1970-01-01');
    table.string('plugin_id', 100).notNullable();
    table
      .string('route_ref', 255)
      .notNullable()
      .comment("The events' route, or '' for none");
    table
      .integer('shard')
      .notNullable()
      .comment('Spreads concurrent writers over rows; readers sum over it');
    table.integer('events').notNullable();
    table.primary(
      ['day', 'plugin_id', 'route_ref', 'shard'],
      'usage_route_days_pk',
    );
  });
  await knex.raw(
    `INSERT INTO usage_route_users (plugin_id, route_ref, user_ref, last_at)
     SELECT plugin_id, COALESCE(route_ref, ''), user_ref, MAX(occurred_at)
     FROM usage_events GROUP BY plugin_id, COALESCE(route_ref, ''), user_ref`,
  );
  await knex.raw(
    `INSERT INTO usage_route_days (day, plugin_id, route_ref, shard, events)
     SELECT day, plugin_id, COALESCE(route_ref, ''), 0, COUNT(*)
     FROM usage_events GROUP BY day, plugin_id, COALESCE(route_ref, '')`,
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('usage_route_days');
  await knex.schema.dropTable('usage_route_users');
};
