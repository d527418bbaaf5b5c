import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { SurveyAudience } from '@flywheel/plugin-flywheel-common';
import { orgGroups } from '../../__testUtils__/testData';
import { templateEntities } from '../__testUtils__/renderSurveyAdmin';
import { AudienceEditor } from './AudienceEditor';

function Harness(props: { onChange: (a: SurveyAudience) => void }) {
  const [audience, setAudience] = useState<SurveyAudience>({
    type: 'everyone',
  });
  return (
    <AudienceEditor
      audience={audience}
      onChange={a => {
        setAudience(a);
        props.onChange(a);
      }}
    />
  );
}

function renderEditor(onChange: (a: SurveyAudience) => void) {
  renderInTestApp(<Harness onChange={onChange} />, {
    apis: [
      [
        catalogApiRef,
        catalogApiMock({ entities: [...orgGroups, ...templateEntities] }),
      ],
    ],
  });
}

describe('AudienceEditor', () => {
  it('picks teams from the catalog and explains sub-teams', async () => {
    const onChange = jest.fn();
    renderEditor(onChange);

    await userEvent.click(
      screen.getByRole('radio', { name: 'Members of chosen teams' }),
    );
    expect(onChange).toHaveBeenLastCalledWith({
      type: 'groups',
      groupRefs: [],
    });
    expect(
      await screen.findByText(/A team includes its sub-teams/),
    ).toBeInTheDocument();

    await userEvent.click(
      await screen.findByRole('button', { name: /Teams$/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Commerce' }),
    );
    expect(onChange).toHaveBeenLastCalledWith({
      type: 'groups',
      groupRefs: ['group:default/commerce'],
    });
  });

  it('picks golden-path templates from the catalog', async () => {
    const onChange = jest.fn();
    renderEditor(onChange);

    await userEvent.click(
      screen.getByRole('radio', {
        name: 'Owners of services created from chosen golden paths',
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: /Templates$/ }),
    );
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'react-webapp',
      'TypeScript HTTP service',
    ]);
    await userEvent.click(
      screen.getByRole('option', { name: 'TypeScript HTTP service' }),
    );
    expect(onChange).toHaveBeenLastCalledWith({
      type: 'golden-path-owners',
      templateRefs: ['template:default/typescript-service'],
    });
  });
});
