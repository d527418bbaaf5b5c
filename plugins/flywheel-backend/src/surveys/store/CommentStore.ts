import { Knex } from 'knex';
import { normalizeRef } from '../../catalog/entityRefs';
import { isSqlite } from '../../database/engines';
import { num } from '../../database/rows';
import { COMMENTS, CommentRow, commentFromRow } from './surveyRows';
import { StoredComment, CommentQuery } from './surveyTypes';

/** The comments inbox: listing, counting, tagging and resolving. */
export class CommentStore {
  private readonly sqlite: boolean;
  constructor(private readonly db: Knex) {
    this.sqlite = isSqlite(db);
  }

  /** How many comments each question of a wave has, optionally of some teams. */
  async commentCounts(
    surveyId: string,
    waveId: string,
    groupRefs?: string[],
  ): Promise<Map<string, number>> {
    if (groupRefs?.length === 0) {
      return new Map();
    }
    const query = this.db<CommentRow>(COMMENTS)
      .where({ survey_id: surveyId, wave_id: waveId })
      .select('question_id')
      .count({ n: '*' })
      .groupBy('question_id');
    if (groupRefs) {
      query.whereIn('group_ref', groupRefs.map(normalizeRef));
    }
    const rows = (await query) as unknown as {
      question_id: string;
      n: number | string;
    }[];
    return new Map(rows.map(r => [r.question_id, Number(r.n)]));
  }

  /** Comments, newest first, with how many match in all. */
  async listComments(
    q: CommentQuery,
  ): Promise<{ items: StoredComment[]; total: number }> {
    if (q.waveIds.length === 0 || q.groupRefs?.length === 0) {
      return { items: [], total: 0 };
    }
    const filtered = () => {
      const query = this.db<CommentRow>(COMMENTS)
        .where('survey_id', q.surveyId)
        .whereIn('wave_id', q.waveIds);
      if (q.groupRefs) {
        query.whereIn('group_ref', q.groupRefs.map(normalizeRef));
      }
      if (q.resolved === true) {
        query.whereNotNull('resolved_at');
      } else if (q.resolved === false) {
        query.whereNull('resolved_at');
      }
      if (q.tag !== undefined) {
        // An element of the JSON list equal to the tag, not a substring.
        if (this.sqlite) {
          query.whereRaw(
            `exists (select 1 from json_each(${COMMENTS}.tags) where json_each.value = ?)`,
            [q.tag],
          );
        } else {
          query.whereRaw(`${COMMENTS}.tags::jsonb @> ?::jsonb`, [
            JSON.stringify([q.tag]),
          ]);
        }
      }
      return query;
    };
    const [rows, [{ total }]] = await Promise.all([
      filtered()
        .select('*')
        .orderBy([
          { column: 'submitted_on', order: 'desc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(q.limit)
        .offset(q.offset),
      filtered().count({ total: '*' }),
    ]);
    return { items: rows.map(commentFromRow), total: num(total) };
  }

  async getComment(id: string): Promise<StoredComment | undefined> {
    const row = await this.db<CommentRow>(COMMENTS).where({ id }).first();
    return row ? commentFromRow(row) : undefined;
  }

  /**
   * Tags or resolves a comment; resolving an already resolved comment keeps
   * who resolved it first. Undefined when there is no such comment.
   */
  async updateComment(
    id: string,
    update: { tags?: string[]; resolved?: boolean; by: string; now: Date },
  ): Promise<StoredComment | undefined> {
    return this.db.transaction(async trx => {
      const row = await trx<CommentRow>(COMMENTS)
        .where({ id })
        .modify(query => {
          if (!this.sqlite) {
            query.forUpdate();
          }
        })
        .first();
      if (!row) {
        return undefined;
      }
      const changes: Partial<CommentRow> = {};
      if (update.tags !== undefined) {
        changes.tags = JSON.stringify(update.tags);
      }
      if (update.resolved === true && row.resolved_at === null) {
        changes.resolved_by = update.by;
        changes.resolved_at = update.now;
      } else if (update.resolved === false) {
        changes.resolved_by = null;
        changes.resolved_at = null;
      }
      if (Object.keys(changes).length === 0) {
        return commentFromRow(row);
      }
      await trx<CommentRow>(COMMENTS).where({ id }).update(changes);
      return commentFromRow({ ...row, ...changes });
    });
  }
}
