import axe from 'axe-core';

/**
 * Runs axe-core on a rendered component and fails with the violated rules
 * and the elements that violate them. Colour contrast is left out: jsdom
 * computes no styles, so axe cannot judge it; nor is every element of a
 * component inside a landmark, which the page around it provides.
 */
export async function expectNoAxeViolations(container: Element) {
  // Some rules probe a canvas, which jsdom lacks and complains about; they
  // cope without one.
  const getContext = jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockReturnValue(null);
  let results;
  try {
    results = await axe.run(container, {
      rules: {
        'color-contrast': { enabled: false },
        region: { enabled: false },
      },
    });
  } finally {
    getContext.mockRestore();
  }
  expect(
    results.violations.map(
      v =>
        `${v.id}: ${v.help} (${v.nodes
          .map(n => n.target.join(' '))
          .join(', ')})`,
    ),
  ).toEqual([]);
}
