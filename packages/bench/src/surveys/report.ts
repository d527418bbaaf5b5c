import { DB_TITLE, figureTable, Machine } from '../harness';
import { surveyFigures, SurveyReportOptions } from './figures';
import { SqlProfile, SurveyDbResult } from './results';

/** Mean time, queries per request (`countDigits` decimals) and statement. */
const statementLines = (
  statements: SqlProfile['statements'],
  countDigits: number,
) =>
  statements.map(
    s =>
      `  ${s.meanMs.toFixed(1).padStart(7)} ms ${s.count
        .toFixed(countDigits)
        .padStart(3 + countDigits)}×  ${s.statement}`,
  );

/** The figures against the targets, as text and as JSON. */
export function report(
  results: SurveyDbResult[],
  machine: Machine,
  options: SurveyReportOptions,
) {
  const figures = figureTable(
    results,
    surveyFigures(options, results[0]?.waves),
  );
  const text = [...figures.lines];

  for (const r of results) {
    if (r.responses < r.responsesRequested) {
      text.push(
        '',
        `${DB_TITLE[r.db]}: ${r.responses.toLocaleString(
          'en-US',
        )} responses seeded instead of ${r.responsesRequested.toLocaleString(
          'en-US',
        )}.`,
      );
    }
  }
  for (const r of results) {
    text.push(
      '',
      `${
        DB_TITLE[r.db]
      }: queries of one results request that recomputed the open wave (mean of ${
        r.invalidated.samples
      }; request ${r.invalidated.sql.requestMs.toFixed(
        1,
      )} ms, a query in flight ${r.invalidated.sql.sqlInFlightMs.toFixed(
        1,
      )} ms, the rest is JavaScript, HTTP and auth):`,
      ...statementLines(r.invalidated.sql.statements.slice(0, 8), 1),
    );
  }
  for (const r of results) {
    text.push(
      '',
      `${DB_TITLE[r.db]}: queries per submission under ${
        options.respondents
      } respondents (a query in flight ${Math.round(
        r.submissions.sql.inFlightShare * 100,
      )}% of the phase; from sending to the answer being handled, so a busy event loop adds to them; waiting for a pool connection is not included):`,
      ...statementLines(r.submissions.sql.statements.slice(0, 10), 2),
    );
  }
  text.push(
    '',
    `Notes: the results of a wave include every earlier wave (trend). The service keeps computed results in memory (closed waves for good, per catalog snapshot; the open wave for 15 s), so the ${
      options.phaseSeconds
    } s loads mostly measure cached views; "recomputed" is one request at a time, each after the open wave's view expired (a submission before each). "+ submissions": a submission every ${
      results[0]?.http.backgroundIntervalMs ?? '?'
    } ms during the load. "backend event loop busy" near 100% means the backend's JavaScript is the limit. The seeded respondents are synthetic refs not in the catalog (the catalog has ${
      results[0] ? Math.round(results[0].users / results[0].teams) : '?'
    } users a team), so response rates exceed 100%.`,
  );

  const json = { machine, options, figures: figures.json, results };
  return { text: text.join('\n'), json };
}
