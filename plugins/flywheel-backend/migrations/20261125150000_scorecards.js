/*
 * Adoption scorecards: latest results per check and per entity, append-only
 * transitions, daily snapshots, exemptions, and the group ancestry (closure
 * table) that makes a team rollup over all its sub-teams one join.
 *
 * Owner and group refs are stored lowercased (join keys between the catalog's
 * ownership relations and the group tree); entity refs as the engine gives
 * them (stringifyEntityRef). Times are UTC timestamps
 * (always written from bound Date values, so SQLite holds epoch milliseconds
 * and comparisons against bound Dates work on both engines). Days are
 * 'YYYY-MM-DD' text: node-postgres would turn a DATE into a local-time Date.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_check_results', table => {
    table.comment('Latest result of each check of a scorecard for an entity');
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard_id', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table
      .string('owner_ref', 255)
      .nullable()
      .comment('Denormalised from the entity, for rollups');
    table.string('state', 16).notNullable();
    table.text('reason').notNullable();
    table.text('value').nullable().comment('JSON of the observed value');
    table
      .timestamp('evaluated_at', { useTz: true })
      .notNullable()
      .comment('Time of the evaluation that last wrote the row');
    table
      .timestamp('changed_at', { useTz: true })
      .notNullable()
      .comment('Time the state last changed');
    table.primary(
      ['entity_ref', 'scorecard_id', 'check_id'],
      'scorecard_check_results_pk',
    );
    // Covers the rollups: per scorecard, per owner, counts by check and state.
    table.index(
      ['scorecard_id', 'owner_ref', 'check_id', 'state'],
      'scorecard_check_results_rollup_idx',
    );
  });

  await knex.schema.createTable('scorecard_entity_results', table => {
    table.comment('Latest result of each scorecard for an entity');
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard_id', 255).notNullable();
    table.string('owner_ref', 255).nullable();
    table.string('level', 255).nullable().comment('Highest level reached');
    table
      .integer('level_rank')
      .notNullable()
      .comment('Index of the level in the ladder, -1 for none');
    table.double('score').nullable().comment('0-100, null when nothing counts');
    table.integer('count_pass').notNullable();
    table.integer('count_warn').notNullable();
    table.integer('count_fail').notNullable();
    table.integer('count_not_applicable').notNullable();
    table.integer('count_unknown').notNullable();
    table.integer('count_exempt').notNullable();
    table
      .text('input_hash')
      .nullable()
      .comment('Hash of the evaluation inputs; unchanged entities are skipped');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table
      .timestamp('changed_at', { useTz: true })
      .notNullable()
      .comment('Time the level last changed');
    table.primary(
      ['entity_ref', 'scorecard_id'],
      'scorecard_entity_results_pk',
    );
    table.index(
      ['scorecard_id', 'owner_ref'],
      'scorecard_entity_results_owner_idx',
    );
  });

  await knex.schema.createTable('scorecard_transitions', table => {
    table.comment(
      'Append-only: check state changes and level changes (check_id null)',
    );
    table.bigIncrements('id');
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard_id', 255).notNullable();
    table.string('check_id', 255).nullable().comment('Null for a level change');
    table
      .string('from_state', 255)
      .nullable()
      .comment('State or level before; null on first appearance');
    table
      .string('to_state', 255)
      .notNullable()
      .comment("State or level after; 'none' for no level");
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(
      ['entity_ref', 'scorecard_id', 'at'],
      'scorecard_transitions_entity_idx',
    );
    // id breaks ties: one evaluation run writes many rows with the same time.
    table.index(
      ['scorecard_id', 'at', 'id'],
      'scorecard_transitions_scorecard_idx',
    );
  });

  await knex.schema.createTable('scorecard_snapshots', table => {
    table.comment(
      'Daily snapshots per entity, group (with sub-teams) and scorecard',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table
      .string('scope', 16)
      .notNullable()
      .comment('entity | group | scorecard');
    table
      .string('scope_ref', 255)
      .notNullable()
      .comment("Entity or group ref; '' for the scorecard scope");
    table.string('scorecard_id', 255).notNullable();
    table.integer('entity_count').notNullable();
    table.double('avg_score').nullable();
    table.text('levels').notNullable().comment('JSON {levelId|"none": count}');
    table
      .double('pass_rate')
      .nullable()
      .comment('Passed checks / scored (pass, warn, fail, unknown) checks');
    table
      .timestamp('written_at', { useTz: true })
      .notNullable()
      .comment('Rows of a day older than its last write are stale');
    table.primary(
      ['day', 'scope', 'scope_ref', 'scorecard_id'],
      'scorecard_snapshots_pk',
    );
    table.index(
      ['scorecard_id', 'scope', 'scope_ref', 'day'],
      'scorecard_snapshots_history_idx',
    );
  });

  await knex.schema.createTable('group_ancestry', table => {
    table.comment(
      'Closure of the group tree: every ancestor of every group, self included (depth 0)',
    );
    table.string('ancestor_ref', 255).notNullable();
    table.string('descendant_ref', 255).notNullable();
    table.integer('depth').notNullable();
    table.primary(['ancestor_ref', 'descendant_ref'], 'group_ancestry_pk');
    table.index(['descendant_ref'], 'group_ancestry_descendant_idx');
  });

  await knex.schema.createTable('scorecard_exemptions', table => {
    table.comment('Exemption requests and decisions; rows are never deleted');
    table.string('id', 36).primary().notNullable().comment('uuid');
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard_id', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.text('justification').notNullable();
    table.string('requested_by', 255).notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | approved | rejected | revoked');
    table.string('decided_by', 255).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.text('decision_note').nullable();
    table
      .string('revoked_by', 255)
      .nullable()
      .comment('Kept apart so a revocation does not hide the approval');
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.text('revoke_note').nullable();
    table.index(
      ['entity_ref', 'scorecard_id', 'check_id'],
      'scorecard_exemptions_target_idx',
    );
    table.index(['status', 'expires_at'], 'scorecard_exemptions_status_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_exemptions');
  await knex.schema.dropTable('group_ancestry');
  await knex.schema.dropTable('scorecard_snapshots');
  await knex.schema.dropTable('scorecard_transitions');
  await knex.schema.dropTable('scorecard_entity_results');
  await knex.schema.dropTable('scorecard_check_results');
};
