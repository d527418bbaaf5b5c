import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Button } from '@backstage/ui';
import {
  catalogRoutes,
  ciCapability,
  flagsCapability,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CriterionDetails } from './CriterionDetails';

const [frequency, leadTime, runbook, docs] = ciCapability.criteria;
const [nps, design] = flagsCapability.criteria;

function renderCriterion(criterion = leadTime, actions?: React.ReactNode) {
  return renderInTestApp(
    <CriterionDetails criterion={criterion} actions={actions} />,
    { mountedRoutes: catalogRoutes },
  );
}

function fact(term: string) {
  return screen.getByText(term).closest('div')?.querySelector('dd')
    ?.textContent;
}

describe('CriterionDetails', () => {
  it("shows a metric criterion's value against its threshold in the unit, samples and window", async () => {
    const { container } = await renderCriterion(leadTime);

    expect(screen.getByText('Unmet')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Lead time under a day' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Required · Metric')).toBeInTheDocument();
    expect(fact('Value')).toBe('1.5 d, needs ≤ 1 d');
    expect(fact('Samples')).toBe('25 samples, at least 10 needed');
    expect(fact('Window')).toMatch(/^Aug 2[45], 2026 – Nov 2[23], 2026$/);
    expect(fact('Metric')).toBe(
      'Lead time for changes (median) — over the whole window',
    );
    expect(
      screen.getByRole('link', { name: 'See Lead time for changes (median)' }),
    ).toHaveAttribute(
      'href',
      '/flywheel/metrics?metric=valueStream.leadTime.median&window=90d',
    );
    await expectNoAxeViolations(container);
  });

  it('shows the per-interval aggregation and a rate unit', async () => {
    await renderCriterion(frequency);
    expect(fact('Value')).toBe('1.5 per week, needs ≥ 1 per week');
    expect(fact('Metric')).toBe('Deployment frequency — the lowest interval');
  });

  it('says why a criterion is unknown: too few samples', async () => {
    await renderCriterion(nps);
    expect(screen.getByText('Unknown')).toBeInTheDocument();
    expect(
      screen.getByText('3 answers, needs at least 10'),
    ).toBeInTheDocument();
    expect(fact('Samples')).toBe('3 samples, at least 10 needed');
  });

  it('shows an attestation with its evidence and expiry', async () => {
    await renderCriterion(docs);
    expect(screen.getByText('Optional · Checklist')).toBeInTheDocument();
    expect(
      screen.getByText(/^Attested/, { selector: 'span' }),
    ).toHaveTextContent(
      /Attested by ada on Nov 2, 2026, counts until (Apr 30|May 1), 2027: TechDocs published with the onboarding guide/,
    );
    expect(screen.getAllByRole('link', { name: 'Evidence' })).toHaveLength(1);
  });

  it('shows a waiver with its reason', async () => {
    await renderCriterion(design);
    expect(
      screen.getByText('Waived', { selector: 'span *, span' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Waived by/, { selector: 'span' }),
    ).toHaveTextContent(
      'Waived by grace on Nov 10, 2026: A vendor product: the vendor did the design review',
    );
  });

  it('shows the actions it is given', async () => {
    await renderCriterion(runbook, <Button>Attest</Button>);
    expect(screen.getByText('Not attested yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Attest' })).toBeInTheDocument();
  });
});
