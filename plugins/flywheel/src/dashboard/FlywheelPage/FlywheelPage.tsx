import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { Container } from '@backstage/ui';
import { CampaignsPage } from '../../campaigns/CampaignsPage';
import { GoldenPathsOverview } from '../../goldenPaths/GoldenPathsOverview';
import { MaturityPage } from '../../maturity/MaturityPage';
import { ProductDashboardPage } from '../../maturity/ProductDashboardPage';
import { MetricsPage } from '../../metrics/MetricsPage';
import { ScorecardsOverview } from '../../scorecards/ScorecardsOverview';
import { SurveysPage } from '../../surveys/SurveysPage';

/**
 * The Flywheel page for apps on the legacy frontend system: the product
 * dashboard first (Overview, what `/flywheel` shows), then one tab per
 * domain. (The new frontend system builds the same tabs from sub-page
 * extensions in alpha.tsx; add a domain's tab in both places.)
 */
export function FlywheelPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Flywheel"
        subtitle="Run your internal developer platform as a product"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/overview" title="Overview">
          <Container>
            <ProductDashboardPage />
          </Container>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/golden-paths" title="Golden Paths">
          <Container>
            <GoldenPathsOverview />
          </Container>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/scorecards" title="Scorecards">
          <Container>
            <ScorecardsOverview />
          </Container>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/surveys" title="Surveys">
          <Container>
            <SurveysPage />
          </Container>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/metrics" title="Metrics">
          <Container>
            <MetricsPage />
          </Container>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/maturity" title="Maturity">
          <Container>
            <MaturityPage />
          </Container>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/campaigns" title="Campaigns">
          <Container>
            <CampaignsPage />
          </Container>
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
