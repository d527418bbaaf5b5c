/*
 * Campaigns: their definitions (from config or the API) and closure, the
 * entities of each cohort with their state against the goal, one row of
 * counts per day for the burn-up, and the notices sent (each once across
 * replicas).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment('Campaign definitions and their closure');
    table.string('id', 100).primary();
    table.string('source', 10).notNullable().comment('config or api');
    table.text('definition').notNullable().comment('JSON CampaignDefinition');
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('deadline', { useTz: true }).notNullable();
    table.string('created_by', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.string('closed_by', 255).nullable();
    table.text('close_note').nullable();
    table.timestamp('completed_at', { useTz: true }).nullable();
    table
      .text('baseline')
      .nullable()
      .comment('JSON counts over the whole cohort when the campaign started');
    table
      .timestamp('refreshed_at', { useTz: true })
      .nullable()
      .comment('The last full evaluation of the cohort');
  });
  await knex.schema.createTable('campaign_members', table => {
    table.comment('The entities of each cohort and their state');
    table.string('campaign_id', 100).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('state', 10).notNullable().comment('met, open or exempt');
    table.text('reason').notNullable();
    table
      .timestamp('met_at', { useTz: true })
      .nullable()
      .comment('When it last started meeting the goal');
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['campaign_id', 'entity_ref'], 'campaign_members_pk');
    table.index(['campaign_id', 'owner_ref'], 'campaign_members_owner_idx');
    table.index(['entity_ref'], 'campaign_members_entity_idx');
  });
  await knex.schema.createTable('campaign_days', table => {
    table.comment('Counts over the whole cohort per UTC day, for the burn-up');
    table.string('campaign_id', 100).notNullable();
    table.string('day', 10).notNullable();
    table.integer('cohort').notNullable();
    table.integer('met').notNullable();
    table.integer('exempt').notNullable();
    table.primary(['campaign_id', 'day'], 'campaign_days_pk');
  });
  await knex.schema.createTable('campaign_notices', table => {
    table.comment('Notifications sent, so each goes out once');
    table.string('campaign_id', 100).notNullable();
    table
      .string('notice', 255)
      .notNullable()
      .comment('launch, completion, deadline or digest:<week>:<owner>');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['campaign_id', 'notice'], 'campaign_notices_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('campaign_notices');
  await knex.schema.dropTable('campaign_days');
  await knex.schema.dropTable('campaign_members');
  await knex.schema.dropTable('campaigns');
};
