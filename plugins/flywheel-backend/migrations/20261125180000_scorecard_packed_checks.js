/*
 * Scorecard results keep their check results in one JSON column instead of
 * one row per check, and two per-owner aggregate tables replace the scans of
 * the check rows behind team rollups, the leaderboard and group snapshots.
 *
 * Measured at 20,000 entities (docs/performance.md): the 850,000 check rows
 * were three quarters of a cold evaluation, and a top-group rollup grouped
 * 170,000 of them per request. A scorecard result is always read and written
 * whole, so nothing needs a check row on its own; the aggregates hold at most
 * owners × checks × states rows and are kept current by the store from the
 * differences it already computes.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecard_entity_results', table => {
    table
      .text('checks')
      .nullable()
      .comment('JSON [[checkId, state, reason, value?], ...] in check order');
  });

  await knex.schema.createTable('scorecard_owner_checks', table => {
    table.comment(
      'Per scorecard and owner: how many entities have each check in each state',
    );
    table.string('scorecard_id', 255).notNullable();
    table
      .string('owner_ref', 255)
      .notNullable()
      .comment("Lowercased owner ref; '' for entities without an owner");
    table.string('check_id', 255).notNullable();
    table.string('state', 16).notNullable();
    table.integer('n').notNullable();
    table.primary(
      ['scorecard_id', 'owner_ref', 'check_id', 'state'],
      'scorecard_owner_checks_pk',
    );
  });

  await knex.schema.createTable('scorecard_owner_levels', table => {
    table.comment(
      'Per scorecard and owner: entities per level, with their score sums',
    );
    table.string('scorecard_id', 255).notNullable();
    table
      .string('owner_ref', 255)
      .notNullable()
      .comment("Lowercased owner ref; '' for entities without an owner");
    table
      .string('level', 255)
      .notNullable()
      .comment("Level id; '' when no level is reached");
    table.integer('n').notNullable().comment('Entities');
    table
      .bigInteger('score_tenths')
      .notNullable()
      .comment('Sum of the scores in tenths (scores have one decimal)');
    table.integer('scored').notNullable().comment('Entities with a score');
    table.primary(
      ['scorecard_id', 'owner_ref', 'level'],
      'scorecard_owner_levels_pk',
    );
  });

  await knex.schema.createTable('scorecard_results_version', table => {
    table.comment(
      'One row: bumped by every write that changes rollups, so every replica can tell whether its cached rollups are current',
    );
    table.integer('id').primary().notNullable();
    table.bigInteger('version').notNullable();
  });
  await knex('scorecard_results_version').insert({ id: 1, version: 0 });

  // Carry existing results over: pack their check rows, then count them.
  const results = await knex('scorecard_entity_results').select(
    'entity_ref',
    'scorecard_id',
    'owner_ref',
    'level',
    'score',
  );
  const checks = new Map();
  const ownerChecks = new Map();
  for (const row of await knex('scorecard_check_results')
    .select(
      'entity_ref',
      'scorecard_id',
      'check_id',
      'state',
      'reason',
      'value',
    )
    .orderBy(['entity_ref', 'scorecard_id', 'check_id'])) {
    const key = `${row.scorecard_id}\u0000${row.entity_ref}`;
    const list = checks.get(key) ?? [];
    let value;
    try {
      value = row.value === null ? undefined : JSON.parse(row.value);
    } catch {
      value = row.value;
    }
    list.push(
      value === undefined
        ? [row.check_id, row.state, row.reason]
        : [row.check_id, row.state, row.reason, value],
    );
    checks.set(key, list);
  }
  const ownerLevels = new Map();
  for (const result of results) {
    const key = `${result.scorecard_id}\u0000${result.entity_ref}`;
    const list = checks.get(key) ?? [];
    await knex('scorecard_entity_results')
      .where({
        entity_ref: result.entity_ref,
        scorecard_id: result.scorecard_id,
      })
      .update({ checks: JSON.stringify(list) });
    const owner = result.owner_ref ?? '';
    const levelKey = [result.scorecard_id, owner, result.level ?? ''].join(
      '\u0000',
    );
    const level = ownerLevels.get(levelKey) ?? {
      scorecard_id: result.scorecard_id,
      owner_ref: owner,
      level: result.level ?? '',
      n: 0,
      score_tenths: 0,
      scored: 0,
    };
    level.n += 1;
    if (result.score !== null && result.score !== undefined) {
      level.score_tenths += Math.round(Number(result.score) * 10);
      level.scored += 1;
    }
    ownerLevels.set(levelKey, level);
    for (const [checkId, state] of list) {
      const checkKey = [result.scorecard_id, owner, checkId, state].join(
        '\u0000',
      );
      const counted = ownerChecks.get(checkKey) ?? {
        scorecard_id: result.scorecard_id,
        owner_ref: owner,
        check_id: checkId,
        state,
        n: 0,
      };
      counted.n += 1;
      ownerChecks.set(checkKey, counted);
    }
  }
  /** @type {[string, object[]][]} */
  const aggregates = [
    ['scorecard_owner_levels', [...ownerLevels.values()]],
    ['scorecard_owner_checks', [...ownerChecks.values()]],
  ];
  for (const [table, rows] of aggregates) {
    for (let i = 0; i < rows.length; i += 100) {
      await knex(table).insert(rows.slice(i, i + 100));
    }
  }

  await knex.schema.dropTable('scorecard_check_results');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.createTable('scorecard_check_results', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('scorecard_id', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('owner_ref', 255).nullable();
    table.string('state', 16).notNullable();
    table.text('reason').notNullable();
    table.text('value').nullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.primary(
      ['entity_ref', 'scorecard_id', 'check_id'],
      'scorecard_check_results_pk',
    );
    table.index(
      ['scorecard_id', 'owner_ref', 'check_id', 'state'],
      'scorecard_check_results_rollup_idx',
    );
  });
  const results = await knex('scorecard_entity_results').select(
    'entity_ref',
    'scorecard_id',
    'owner_ref',
    'checks',
    'evaluated_at',
    'changed_at',
  );
  for (const result of results) {
    const rows = JSON.parse(result.checks ?? '[]').map(
      /** @param {any[]} check */
      ([checkId, state, reason, value]) => ({
        entity_ref: result.entity_ref,
        scorecard_id: result.scorecard_id,
        check_id: checkId,
        owner_ref: result.owner_ref,
        state,
        reason,
        value: value === undefined ? null : JSON.stringify(value),
        evaluated_at: result.evaluated_at,
        changed_at: result.changed_at,
      }),
    );
    for (let i = 0; i < rows.length; i += 50) {
      await knex('scorecard_check_results').insert(rows.slice(i, i + 50));
    }
  }
  await knex.schema.dropTable('scorecard_results_version');
  await knex.schema.dropTable('scorecard_owner_levels');
  await knex.schema.dropTable('scorecard_owner_checks');
  await knex.schema.alterTable('scorecard_entity_results', table => {
    table.dropColumn('checks');
  });
};
