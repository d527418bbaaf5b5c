import { ESLint } from 'eslint';
import { resolve } from 'path';

jest.setTimeout(60_000);

/**
 * The lint rule that keeps the house plan (.eslintrc.js): a cross-domain
 * import, or a domain import in the base layer, fails `script/test`.
 */
describe('domain boundaries', () => {
  const eslint = new ESLint({ cwd: resolve(__dirname, '..') });
  const messagesFor = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, {
      filePath: resolve(__dirname, file),
    });
    return result.messages
      .filter(m => m.ruleId === 'no-restricted-syntax')
      .map(m => m.message);
  };

  it.each([
    [
      'surveys/probe.ts',
      "import { x } from '../scorecards/store/ScorecardStore';",
    ],
    [
      'surveys/store/probe.ts',
      "export { x } from '../../goldenPaths/GoldenPathService';",
    ],
    [
      'goldenPaths/probe.ts',
      "import type { x } from '../surveys/SurveyService';",
    ],
    ['scorecards/engine/probe.ts', "import { x } from '../../plugin';"],
  ])('refuses a cross-domain import in %s', async (file, code) => {
    expect(await messagesFor(file, `${code}\nexport const y = x;\n`)).toEqual([
      expect.stringMatching(/^A domain does not import another domain/),
    ]);
  });

  it.each([
    ['database/probe.ts', "import { x } from '../surveys/store/SurveyStore';"],
    ['catalog/probe.ts', "import { x } from '../scorecards/definitions';"],
    ['http/probe.ts', "import { x } from '../goldenPaths/router';"],
  ])('refuses a domain import in the base layer: %s', async (file, code) => {
    expect(await messagesFor(file, `${code}\nexport const y = x;\n`)).toEqual([
      expect.stringMatching(/^The base layer imports no domain/),
    ]);
  });

  it('lets a domain use the base layer, the declared interfaces and its own rooms', async () => {
    expect(
      await messagesFor(
        'scorecards/engine/probe.ts',
        [
          "import { a } from '../../database/statements';",
          "import { b } from '../../catalog/entityRefs';",
          "import type { c } from '../../interfaces/goldenPathInsights';",
          "import { d } from '../store/ScorecardStore';",
          'export const y = [a, b, d] as unknown as c;',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
