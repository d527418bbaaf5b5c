import { useMemo } from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
} from '@backstage/ui';
import { surveyTemplates } from '@flywheel/plugin-flywheel-common';
import { useNavigate } from 'react-router-dom';
import { useSurveyPaths } from '../surveyHooks';

const BLANK = 'blank';

/**
 * "New survey": a menu of the ready-made templates and a blank survey, each
 * opening the editor (`new?template=…` for a template).
 */
export function NewSurveyButton(props: { variant?: 'primary' | 'secondary' }) {
  const navigate = useNavigate();
  const paths = useSurveyPaths();
  const templates = useMemo(() => surveyTemplates(new Date()), []);

  const open = (key: string) => {
    navigate(
      key === BLANK
        ? paths.create
        : `${paths.create}?${new URLSearchParams({ template: key })}`,
    );
  };

  return (
    <MenuTrigger>
      <Button variant={props.variant ?? 'primary'} size="small">
        New survey
      </Button>
      <Menu onAction={key => open(String(key))} maxWidth="24rem">
        <MenuSection title="From a template">
          {templates.map(t => (
            <MenuItem key={t.id} id={t.id} textValue={t.title}>
              {t.title}
            </MenuItem>
          ))}
        </MenuSection>
        <MenuSection title="From scratch">
          <MenuItem id={BLANK} textValue="Blank survey">
            Blank survey
          </MenuItem>
        </MenuSection>
      </Menu>
    </MenuTrigger>
  );
}
