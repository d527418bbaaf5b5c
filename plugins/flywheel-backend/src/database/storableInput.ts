import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';

/**
 * Deeper than any request of the API (a survey definition's question scale
 * is 4 levels down); a free-form object (a trigger's context) stays well
 * within it, and code that walks or stores a value never runs out of stack.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * U+0000, which PostgreSQL refuses in text (a 500 from the driver), and a
 * lone surrogate, which is no character: UTF-8 cannot hold it, so SQLite
 * would store bytes that are not UTF-8 and PostgreSQL U+FFFD instead.
 */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex -- U+0000 is what it looks for
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether text can be stored as it is, on both databases. */
export const isStorableText = (text: string) => !UNSTORABLE.test(text);

/**
 * Why a request value cannot be taken as sent, with where it is (`body.
 * events[0].action`), or undefined. Walks without recursion: a body may be
 * nested 10,000 levels deep.
 */
export function unstorableInput(
  value: unknown,
  where: string,
): string | undefined {
  const stack: [unknown, string, number][] = [[value, where, 0]];
  while (stack.length > 0) {
    const [current, path, depth] = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) {
        return `${path} holds U+0000 or a lone surrogate, which cannot be stored as text`;
      }
    } else if (current && typeof current === 'object') {
      if (depth >= MAX_INPUT_DEPTH) {
        return `${path} is nested more than ${MAX_INPUT_DEPTH} levels deep`;
      }
      const isArray = Array.isArray(current);
      for (const [key, child] of Object.entries(current)) {
        if (!isArray && UNSTORABLE.test(key)) {
          return `${path} has a key with U+0000 or a lone surrogate, which cannot be stored as text`;
        }
        stack.push([
          child,
          isArray ? `${path}[${key}]` : `${path}.${key}`,
          depth + 1,
        ]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses (400) a request whose path, query or body holds text the
 * databases cannot store as sent, or JSON nested deeper than
 * MAX_INPUT_DEPTH, before any route reads it.
 */
export function refuseUnstorableInput(): RequestHandler {
  return (req, _res, next) => {
    let path: string[];
    try {
      path = req.path.split('/').map(decodeURIComponent);
    } catch {
      next(new InputError('The path is not valid percent-encoded UTF-8'));
      return;
    }
    const problem =
      unstorableInput(path, 'the path') ??
      unstorableInput(req.query, 'the query') ??
      unstorableInput(req.body, 'body');
    next(problem ? new InputError(`Invalid request: ${problem}`) : undefined);
  };
}
