import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(
      toCsv(
        ['ref', 'note'],
        [
          ['component:default/a', 'plain'],
          ['component:default/b', 'has, comma and "quotes"'],
          ['component:default/c', '=HYPERLINK("x")'],
        ],
      ),
    ).toBe(
      'ref,note\r\n' +
        'component:default/a,plain\r\n' +
        'component:default/b,"has, comma and ""quotes"""\r\n' +
        `component:default/c,"'=HYPERLINK(""x"")"\r\n`,
    );
  });
});

describe('toCsv numbers', () => {
  it('leaves negative numbers alone but still defuses -formulas', () => {
    expect(toCsv(['nps'], [['-12.5'], ['-3'], ['-1+2']])).toBe(
      "nps\r\n-12.5\r\n-3\r\n'-1+2\r\n",
    );
  });
});
