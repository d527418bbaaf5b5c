import { DB_TITLE, figureTable, Machine, StatementTotal } from '../harness';
import { campaignFigures } from './figures';
import { CampaignsDbResult } from './results';

const statementLines = (statements: StatementTotal[]) =>
  statements.map(
    q =>
      `  ${q.ms.toFixed(0).padStart(7)} ms ${String(q.count).padStart(5)}×  ${
        q.statement
      }`,
  );

/** The figures against the targets, as text and as JSON. */
export function report(
  results: CampaignsDbResult[],
  machine: Machine,
  options: { entities: number; readers: number; seconds: number },
) {
  const figures = figureTable(results, campaignFigures(options.readers));
  const text = [...figures.lines];
  for (const r of results) {
    const db = DB_TITLE[r.db];
    text.push(
      '',
      `${db}, each round of 100 changed components (evaluateEntities / its refreshEntities / until the API shows the counts; met before → after):`,
      ...r.incremental.rounds.map(
        round =>
          `  revision ${round.variant}: ${round.evaluateMs.toFixed(
            0,
          )} / ${round.refreshMs.toFixed(0)} / ${round.untilVisibleMs.toFixed(
            0,
          )} ms, ${round.resultsWritten} results and ${
            round.membersChanged
          } member rows written; ${round.met
            .map(m => `${m.id} ${m.before} → ${m.after}`)
            .join(', ')}${round.reflected ? '' : ' — COUNTS WRONG'}`,
      ),
      '',
      `${db}, refreshEntities of the first round, SQL by total time:`,
      ...statementLines(r.incremental.refreshSql),
      '',
      `${db}, refreshAll of both campaigns, SQL by total time:`,
      ...statementLines(r.refreshAll.sql),
    );
  }
  const json = { machine, options, figures: figures.json, results };
  return { text: text.join('\n'), json };
}
