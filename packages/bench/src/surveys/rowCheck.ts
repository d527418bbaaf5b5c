import { Knex } from 'knex';
import { fmt, log } from '../harness';
import { RowCheck } from './results';
import { SeedResult } from './seed';
import { SurveySession } from './session';

/**
 * Counts what is stored in the open wave against what was seeded and
 * accepted: nothing lost, nobody twice.
 */
export async function checkStoredRows(
  db: Knex,
  session: SurveySession,
  options: {
    openWave: { id: string };
    waves: number;
    seed: SeedResult;
    seededOpenWave: number;
    acceptedTwice: number;
  },
): Promise<RowCheck> {
  const { seed, seededOpenWave } = options;
  const { accepted, acceptedComments } = session;
  const one = async (query: Knex.QueryBuilder) =>
    Number(((await query) as { n: unknown }[])[0]?.n ?? 0);
  const wave = options.openWave.id;
  const acceptedTotal = [...accepted.values()].reduce((a, b) => a + b, 0);
  const responses = await one(
    db('survey_responses').where('wave_id', wave).count({ n: '*' }),
  );
  const participation = await one(
    db('survey_participation').where('wave_id', wave).count({ n: '*' }),
  );
  const answers = await one(
    db('survey_answers').where('wave_id', wave).count({ n: '*' }),
  );
  const comments = await one(
    db('survey_comments').where('wave_id', wave).count({ n: '*' }),
  );
  const benchParticipation = await one(
    db('survey_participation')
      .where('wave_id', wave)
      .where('user_ref', 'like', 'user:default/dev-%')
      .count({ n: '*' }),
  );
  const duplicateParticipation = await one(
    db
      .from(
        db('survey_participation')
          .select('user_ref')
          .where('wave_id', wave)
          .groupBy('user_ref')
          .havingRaw('count(*) > 1')
          .as('d'),
      )
      .count({ n: '*' }),
  );
  const allWavesResponses = await one(db('survey_responses').count({ n: '*' }));
  const expectedResponses = seededOpenWave + acceptedTotal;
  const rows: RowCheck = {
    expectedResponses,
    responses,
    participation,
    answers,
    expectedAnswers: responses * 3,
    comments,
    expectedComments:
      seed.commentsPerWave[options.waves - 1] + acceptedComments,
    benchParticipation,
    acceptedPeople: accepted.size,
    duplicateParticipation,
    allWavesResponses,
    expectedAllWavesResponses: seed.responses + acceptedTotal,
    lost: expectedResponses - responses,
    ok: false,
  };
  rows.ok =
    responses === expectedResponses &&
    participation === expectedResponses &&
    answers === rows.expectedAnswers &&
    comments === rows.expectedComments &&
    benchParticipation === accepted.size &&
    acceptedTotal === accepted.size &&
    duplicateParticipation === 0 &&
    allWavesResponses === rows.expectedAllWavesResponses &&
    options.acceptedTwice === 0;
  log(
    `rows in the open wave: ${fmt(responses)} responses (expected ${fmt(
      expectedResponses,
    )} = ${fmt(seededOpenWave)} seeded + ${fmt(acceptedTotal)} accepted), ${fmt(
      participation,
    )} participation, ${fmt(answers)} answers, ${fmt(
      comments,
    )} comments (expected ${fmt(
      rows.expectedComments,
    )}); duplicates ${duplicateParticipation}, lost ${rows.lost}: ${
      rows.ok ? 'OK' : 'MISMATCH'
    }`,
  );
  return rows;
}
