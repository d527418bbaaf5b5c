import { Route, Routes } from 'react-router-dom';
import { CampaignList } from '../CampaignList';
import { CampaignPage } from '../CampaignPage';
import styles from './CampaignsPage.module.css';

/**
 * The Campaigns tab of the Flywheel page (`/flywheel/campaigns`): every
 * campaign with its progress; one campaign at `:campaignId`, where the list
 * and the entity cards link.
 */
export function CampaignsPage() {
  return (
    <div className={styles.root}>
      <Routes>
        <Route path="/" element={<CampaignList />} />
        <Route path=":campaignId" element={<CampaignPage />} />
      </Routes>
    </div>
  );
}
