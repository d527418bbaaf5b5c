import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { groupTitle, useGroupTitles } from './groupTitles';

function Probe() {
  const { value } = useGroupTitles();
  return value ? <output>{JSON.stringify([...value])}</output> : null;
}

describe('useGroupTitles', () => {
  it("names each group by its title, else its profile's display name, else its name", async () => {
    const group = (name: string, extra: object) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default' },
      spec: { type: 'team', children: [] },
      ...extra,
    });
    renderInTestApp(<Probe />, {
      apis: [
        [
          catalogApiRef,
          catalogApiMock({
            entities: [
              group('acme', {
                metadata: { name: 'acme', namespace: 'default', title: 'Acme' },
              }),
              group('data', {
                spec: {
                  type: 'team',
                  children: [],
                  profile: { displayName: 'Data' },
                },
              }),
              group('sre', {}),
            ],
          }),
        ],
      ],
    });

    expect(
      await screen.findByText(
        JSON.stringify([
          ['group:default/acme', 'Acme'],
          ['group:default/data', 'Data'],
          ['group:default/sre', 'sre'],
        ]),
      ),
    ).toBeInTheDocument();
  });
});

describe('groupTitle', () => {
  it("falls back to the ref's name", () => {
    const titles = new Map([['group:default/acme', 'Acme']]);
    expect(groupTitle('group:default/acme', titles)).toBe('Acme');
    expect(groupTitle('group:default/data', titles)).toBe('data');
    expect(groupTitle('group:default/data', undefined)).toBe('data');
  });
});
