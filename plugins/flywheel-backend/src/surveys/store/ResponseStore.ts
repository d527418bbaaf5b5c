import { Knex } from 'knex';
import { ConflictError } from '@backstage/errors';
import { isPostgres } from '../../database/engines';
import { chunk } from '../../database/rows';
import { bulkWrite } from '../../database/statements';
import {
  ANSWERS,
  ANSWER_COLUMNS,
  AnswerRow,
  COMMENTS,
  COMMENT_COLUMNS,
  CommentRow,
  DEFINITIONS,
  PARTICIPATION,
  PARTICIPATION_COLUMNS,
  ParticipationRow,
  RESPONSES,
  RESPONSE_COLUMNS,
  ResponseRow,
  WAVES,
  answerRows,
  commentRows,
  dayOf,
  optionalDate,
  optionalRef,
  participationRow,
  responseRows,
} from './surveyRows';
import {
  NewSurveyResponse,
  StaleSurveyError,
  StoredResponse,
} from './surveyTypes';

/** Responses with their answers and comments: storing, changing, mixing. */
export class ResponseStore {
  private readonly postgres: boolean;
  constructor(private readonly db: Knex) {
    this.postgres = isPostgres(db);
  }

  /**
   * Stores a response, in one transaction. A person's second response to a
   * wave replaces the first in identified surveys (`updated`) and is
   * rejected in anonymous ones (ConflictError, nothing stored). Concurrent
   * submissions of one person serialise on the participation row.
   */
  async submitResponse(r: NewSurveyResponse): Promise<'created' | 'updated'> {
    if (this.postgres && (await this.insertFirstResponse(r))) {
      return 'created';
    }
    return this.db.transaction(async trx => {
      if (r.checkedAgainst) {
        const current = await this.checkedSurveyQuery(trx, r).first();
        if (!current) {
          throw new StaleSurveyError(r.surveyId);
        }
      }
      // ON CONFLICT DO NOTHING: a conflict does not abort the transaction on
      // PostgreSQL, and a concurrent insert of the same row makes this wait
      // for it to commit (then do nothing) or roll back (then insert).
      const inserted = await trx<ParticipationRow>(PARTICIPATION)
        .insert(participationRow(r))
        .onConflict(['wave_id', 'user_ref'])
        .ignore()
        .returning('wave_id');
      if (inserted.length > 0) {
        const rows = responseRows(r);
        await trx<ResponseRow>(RESPONSES).insert(rows.response);
        await this.insertChildren(trx, rows.answers, rows.comments);
        return 'created';
      }
      if (r.anonymous && !r.receipt?.presented) {
        throw new ConflictError(
          'You have already answered this wave. Anonymous answers can be changed only from the browser they were given in.',
        );
      }
      const groupRef = optionalRef(r.groupRef);
      // Locks the response row: concurrent replacements run one by one. An
      // anonymous response keeps no time, so nothing dates the change.
      const [updated] = await trx<ResponseRow>(RESPONSES)
        .where(
          r.anonymous
            ? {
                wave_id: r.waveId,
                user_ref: null,
                edit_token_hash: r.receipt!.presented!,
              }
            : { wave_id: r.waveId, user_ref: r.userRef },
        )
        .update({
          answers: JSON.stringify(r.answers),
          group_ref: groupRef,
          updated_at: r.anonymous ? null : r.now,
          // Its rewritten rows sit where new rows go: shuffle them again.
          pending_mix: r.anonymous,
        })
        .returning('id');
      if (!updated && r.anonymous) {
        throw new ConflictError(
          'You have already answered this wave, and this browser holds no receipt for that answer. Anonymous answers can be changed only from the browser they were given in.',
        );
      }
      if (!updated) {
        // Answered while the survey was anonymous: that answer has no owner.
        throw new ConflictError(
          'You have already answered this wave anonymously. Anonymous answers cannot be changed.',
        );
      }
      const responseId = (updated as { id: string }).id;
      await trx(ANSWERS).where('response_id', responseId).delete();
      await trx(COMMENTS).where('response_id', responseId).delete();
      await this.insertChildren(
        trx,
        answerRows(responseId, r, groupRef),
        commentRows(responseId, r, groupRef, r.anonymous ? null : dayOf(r.now)),
      );
      if (!r.anonymous) {
        await trx<ParticipationRow>(PARTICIPATION)
          .where({ wave_id: r.waveId, user_ref: r.userRef })
          .update({ responded_at: r.now, asked_nps: r.asksNps });
      }
      return 'updated';
    });
  }

  /**
   * PostgreSQL: a person's first response to a wave in one statement, the
   * rows as data-modifying CTEs that write only when the participation row
   * is new. One statement is atomic, and it saves the five round trips of a
   * transaction, which bound how many submissions a backend takes a second.
   * False, writing nothing, when the person has taken part already.
   */
  private async insertFirstResponse(r: NewSurveyResponse): Promise<boolean> {
    const rows = responseRows(r);
    const insert = (table: string, columns: readonly string[]) => {
      const list = columns.map(c => `"${c}"`).join(', ');
      return `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", ?::json)`;
    };
    const ifNew = 'WHERE EXISTS (SELECT 1 FROM p)';
    // g: one row while the survey is as the answers were checked against.
    const checked = r.checkedAgainst
      ? this.checkedSurveyQuery(this.db, r)
      : this.db.select(this.db.raw('1'));
    const [result] = (
      await this.db.raw(
        `WITH g AS (SELECT 1 FROM ? AS checked),
         p AS (${insert(PARTICIPATION, PARTICIPATION_COLUMNS)}
           WHERE EXISTS (SELECT 1 FROM g)
           ON CONFLICT ("wave_id", "user_ref") DO NOTHING RETURNING 1),
         r AS (${insert(RESPONSES, RESPONSE_COLUMNS)} ${ifNew}),
         a AS (${insert(ANSWERS, ANSWER_COLUMNS)} ${ifNew}),
         c AS (${insert(COMMENTS, COMMENT_COLUMNS)} ${ifNew})
         SELECT (SELECT count(*) FROM p)::int AS created,
           EXISTS (SELECT 1 FROM g) AS current`,
        [
          checked,
          JSON.stringify([participationRow(r)]),
          JSON.stringify([rows.response]),
          JSON.stringify(rows.answers),
          JSON.stringify(rows.comments),
        ],
      )
    ).rows as { created: number; current: boolean }[];
    if (!result.current) {
      throw new StaleSurveyError(r.surveyId);
    }
    return result.created > 0;
  }

  /** A row when the survey and wave are still as the answers were checked against. */
  private checkedSurveyQuery(db: Knex, r: NewSurveyResponse) {
    return db(`${WAVES} as w`)
      .join(`${DEFINITIONS} as d`, 'd.id', 'w.survey_id')
      .where('w.id', r.waveId)
      .where('d.id', r.surveyId)
      .where('d.status', 'active')
      .where('d.definition', JSON.stringify(r.checkedAgainst!.definition))
      .where('w.questions', JSON.stringify(r.checkedAgainst!.questions))
      .select(db.raw('1 as found'));
  }

  private async insertChildren(
    trx: Knex.Transaction,
    answers: AnswerRow[],
    comments: CommentRow[],
  ): Promise<void> {
    if (answers.length > 0) {
      await trx<AnswerRow>(ANSWERS).insert(answers);
    }
    if (comments.length > 0) {
      await trx<CommentRow>(COMMENTS).insert(comments);
    }
  }

  /**
   * Inserts many new responses in one transaction, with few statements (for
   * demo data and benchmarks). Fails, inserting nothing, when a person has
   * already answered one of the waves.
   */
  async bulkInsertResponses(responses: NewSurveyResponse[]): Promise<void> {
    if (responses.length === 0) {
      return;
    }
    const participation: ParticipationRow[] = [];
    const responseList: ResponseRow[] = [];
    const answers: AnswerRow[] = [];
    const comments: CommentRow[] = [];
    for (const r of responses) {
      const rows = responseRows(r);
      participation.push(participationRow(r));
      responseList.push(rows.response);
      answers.push(...rows.answers);
      comments.push(...rows.comments);
    }
    await this.db.transaction(async trx => {
      await bulkWrite(trx, PARTICIPATION, PARTICIPATION_COLUMNS, participation);
      await bulkWrite(trx, RESPONSES, RESPONSE_COLUMNS, responseList);
      await bulkWrite(trx, ANSWERS, ANSWER_COLUMNS, answers);
      await bulkWrite(trx, COMMENTS, COMMENT_COLUMNS, comments);
    });
  }

  /** A person's response to a wave of an identified survey. */
  async getResponse(
    waveId: string,
    userRef: string,
  ): Promise<StoredResponse | undefined> {
    const row = await this.db<ResponseRow>(RESPONSES)
      .where({ wave_id: waveId, user_ref: userRef })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      answers: JSON.parse(row.answers),
      // Identified responses always keep their day.
      submittedOn: String(row.submitted_on),
      updatedAt: optionalDate(row.updated_at),
    };
  }

  /**
   * Rewrites the anonymous responses still in arrival order, each wave's
   * with up to `sample` of its older ones drawn at random, in a shuffled
   * order, with their answers and comments. Rows are stored, and read back
   * by a plain SELECT, in the order they were written: new responses sit in
   * the order of the participation rows that name their authors, and on
   * PostgreSQL share their transaction id. Rewritten, a new response is one
   * of a block of rows in random order, written by one transaction.
   * Returns how many responses were rewritten.
   */
  async mixAnonymousResponses(
    options: { sample?: number; random?: () => number } = {},
  ): Promise<number> {
    const sample = options.sample ?? 50;
    const random = options.random ?? Math.random;
    const shuffle = <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    };
    const waves = (await this.db<ResponseRow>(RESPONSES)
      .where('pending_mix', true)
      .distinct('wave_id')) as { wave_id: string }[];
    let mixed = 0;
    for (const { wave_id: waveId } of waves) {
      mixed += await this.db.transaction(async trx => {
        if (this.postgres) {
          // Submissions wait for the few milliseconds this takes, rather
          // than change a row that is being moved.
          await trx.raw(
            `LOCK TABLE "${RESPONSES}", "${ANSWERS}", "${COMMENTS}" IN EXCLUSIVE MODE`,
          );
        }
        const pending = await trx<ResponseRow>(RESPONSES).where({
          wave_id: waveId,
          pending_mix: true,
        });
        if (pending.length === 0) {
          return 0;
        }
        const older = await trx<ResponseRow>(RESPONSES)
          .where({ wave_id: waveId, pending_mix: false })
          .whereNull('user_ref')
          .orderByRaw('random()')
          .limit(sample);
        const responses = shuffle([...pending, ...older]).map(row => ({
          ...row,
          pending_mix: false,
        }));
        const ids = responses.map(row => row.id);
        const answers: AnswerRow[] = [];
        const comments: CommentRow[] = [];
        for (const part of chunk(ids, 500)) {
          answers.push(
            ...(await trx<AnswerRow>(ANSWERS).whereIn('response_id', part)),
          );
          comments.push(
            ...(await trx<CommentRow>(COMMENTS).whereIn('response_id', part)),
          );
          await trx(ANSWERS).whereIn('response_id', part).delete();
          await trx(COMMENTS).whereIn('response_id', part).delete();
          await trx(RESPONSES).whereIn('id', part).delete();
        }
        await bulkWrite(trx, RESPONSES, RESPONSE_COLUMNS, responses);
        await bulkWrite(trx, ANSWERS, ANSWER_COLUMNS, shuffle(answers));
        await bulkWrite(trx, COMMENTS, COMMENT_COLUMNS, shuffle(comments));
        return pending.length;
      });
    }
    return mixed;
  }
}
