/*
 * NPS and CSAT surveys: definitions, waves, answers, comments, and the
 * participation and prompt state used to de-duplicate and throttle.
 *
 * Privacy: in an anonymous survey a response row has no user_ref and its time
 * is kept to the day only, so it cannot be matched to the participation row
 * that names the person. Response ids are random UUIDs, never sequences.
 * Group refs are stored lowercased; times are UTC timestamps written from
 * bound Date values; days are 'YYYY-MM-DD' text.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('survey_definitions', table => {
    table.comment('Surveys, from config or created through the API');
    table.string('id', 100).primary();
    table.string('source', 16).notNullable().comment("'config' or 'api'");
    table
      .text('definition')
      .notNullable()
      .comment('JSON of the SurveyDefinition');
    table.string('status', 16).notNullable().comment("'active' or 'archived'");
    table.string('created_by', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('survey_waves', table => {
    table.comment('Rounds of a survey; each has its own responses');
    table.string('id', 36).primary();
    table
      .string('survey_id', 100)
      .notNullable()
      .references('id')
      .inTable('survey_definitions')
      .onDelete('CASCADE');
    table.integer('number').notNullable();
    table.timestamp('opens_at', { useTz: true }).notNullable();
    table.timestamp('closes_at', { useTz: true }).notNullable();
    table
      .text('questions')
      .notNullable()
      .comment('JSON of the questions this wave asks; locked once answered');
    table.integer('audience_size').nullable();
    table
      .timestamp('notified_at', { useTz: true })
      .nullable()
      .comment('When the audience was invited through notifications');
    table.unique(['survey_id', 'number'], {
      indexName: 'survey_waves_survey_number_uq',
    });
  });

  await knex.schema.createTable('survey_participation', table => {
    table.comment(
      'Who answered which wave and when; only for de-duplication and throttling',
    );
    table
      .string('wave_id', 36)
      .notNullable()
      .references('id')
      .inTable('survey_waves')
      .onDelete('CASCADE');
    table.string('survey_id', 100).notNullable();
    table.string('user_ref', 255).notNullable();
    table.timestamp('responded_at', { useTz: true }).notNullable();
    table
      .boolean('asked_nps')
      .notNullable()
      .comment('The survey asks an NPS question (90-day limit)');
    table.primary(['wave_id', 'user_ref'], 'survey_participation_pk');
    table.index(['user_ref', 'responded_at'], 'survey_participation_user_idx');
  });

  await knex.schema.createTable('survey_responses', table => {
    table.comment('One response per person per wave');
    table.string('id', 36).primary();
    table.string('survey_id', 100).notNullable();
    table
      .string('wave_id', 36)
      .notNullable()
      .references('id')
      .inTable('survey_waves')
      .onDelete('CASCADE');
    table
      .string('user_ref', 255)
      .nullable()
      .comment('Null in anonymous surveys');
    table
      .string('group_ref', 255)
      .nullable()
      .comment("The respondent's team when answering, for breakdowns");
    table.text('answers').notNullable().comment('JSON of the SurveyAnswers');
    table.string('submitted_on', 10).notNullable().comment('YYYY-MM-DD');
    table
      .timestamp('updated_at', { useTz: true })
      .nullable()
      .comment('Identified surveys only: when last changed');
    table.unique(['wave_id', 'user_ref'], {
      indexName: 'survey_responses_wave_user_uq',
    });
    table
      .string('edit_token_hash', 64)
      .nullable()
      .comment(
        'Anonymous surveys: SHA-256 of the receipt held by the browser that answered, the only way to change the answer',
      );
    table.index(['wave_id', 'edit_token_hash'], 'survey_responses_receipt_idx');
  });

  await knex.schema.createTable('survey_answers', table => {
    table.comment('Scored and chosen answers, one row each, for aggregation');
    table
      .string('response_id', 36)
      .notNullable()
      .references('id')
      .inTable('survey_responses')
      .onDelete('CASCADE');
    table.string('wave_id', 36).notNullable();
    table.string('question_id', 100).notNullable();
    table.string('group_ref', 255).nullable();
    table.integer('value_num').nullable().comment('nps, csat and rating');
    table.string('value_text', 255).nullable().comment('A chosen option');
    table.index(['response_id'], 'survey_answers_response_idx');
    // Covers the results query: one wave, counts per question, team, value.
    table.index(
      ['wave_id', 'question_id', 'group_ref', 'value_num', 'value_text'],
      'survey_answers_results_idx',
    );
  });

  await knex.schema.createTable('survey_comments', table => {
    table.comment('Free-text answers and NPS "why?" follow-ups: the inbox');
    table.string('id', 36).primary();
    table
      .string('response_id', 36)
      .notNullable()
      .references('id')
      .inTable('survey_responses')
      .onDelete('CASCADE');
    table.string('survey_id', 100).notNullable();
    table.string('wave_id', 36).notNullable();
    table.string('question_id', 100).notNullable();
    table.string('group_ref', 255).nullable();
    table.text('text').notNullable();
    table.string('submitted_on', 10).notNullable();
    table.text('tags').notNullable().comment('JSON list of tags');
    table.string('resolved_by', 255).nullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.index(['survey_id', 'wave_id'], 'survey_comments_survey_idx');
    table.index(['response_id'], 'survey_comments_response_idx');
  });

  await knex.schema.createTable('survey_prompt_states', table => {
    table.comment('Snoozed and dismissed prompts, per person and wave');
    table.string('user_ref', 255).notNullable();
    table
      .string('wave_id', 36)
      .notNullable()
      .references('id')
      .inTable('survey_waves')
      .onDelete('CASCADE');
    table.string('state', 16).notNullable().comment("'snoozed' or 'dismissed'");
    table.timestamp('until', { useTz: true }).nullable();
    table.primary(['user_ref', 'wave_id'], 'survey_prompt_states_pk');
  });

  await knex.schema.createTable('survey_trigger_events', table => {
    table.comment(
      'Events that make event-triggered surveys prompt a person (latest each)',
    );
    table.string('user_ref', 255).notNullable();
    table.string('event', 100).notNullable();
    table.timestamp('fired_at', { useTz: true }).notNullable();
    table.text('context').nullable().comment('JSON, e.g. the template ref');
    table.primary(['user_ref', 'event'], 'survey_trigger_events_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('survey_trigger_events');
  await knex.schema.dropTable('survey_prompt_states');
  await knex.schema.dropTable('survey_comments');
  await knex.schema.dropTable('survey_answers');
  await knex.schema.dropTable('survey_responses');
  await knex.schema.dropTable('survey_participation');
  await knex.schema.dropTable('survey_waves');
  await knex.schema.dropTable('survey_definitions');
};
