import { Grid } from '@material-ui/core';
import {
  EntityAboutCard,
  EntityLayout,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import {
  EntityCampaignsCard,
  EntityGoldenPathCard,
  EntityGroupAdoptionCard,
  EntityGroupCampaignsCard,
  EntityScorecardsContent,
  EntityTeamScorecardContent,
  EntityValueStreamCard,
} from '@flywheel/plugin-flywheel';

const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item md={6}>
      <EntityAboutCard />
    </Grid>
    <Grid item md={6}>
      <EntityGoldenPathCard />
    </Grid>
    <Grid item md={6}>
      <EntityValueStreamCard />
    </Grid>
    <Grid item md={6}>
      <EntityCampaignsCard />
    </Grid>
  </Grid>
);

const componentPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>

    {/* Keep the path: the Team scorecard links to it. */}
    <EntityLayout.Route path="/scorecards" title="Scorecards">
      <EntityScorecardsContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <EntityGroupAdoptionCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityValueStreamCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityGroupCampaignsCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>

    {/* The leaderboard and heat map link to this path. */}
    <EntityLayout.Route path="/team-scorecard" title="Team scorecard">
      <EntityTeamScorecardContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        <Grid item md={6}>
          <EntityAboutCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);
