import { ScorecardInfo } from '@flywheel/plugin-flywheel-common';
import { Select } from '@backstage/ui';

/** Picks one scorecard by title. */
export function ScorecardPicker(props: {
  scorecards: ScorecardInfo[];
  value: string | undefined;
  onChange: (scorecardId: string) => void;
  /** e.g. how many of the team's entities each scorecard covers. */
  description?: string;
}) {
  return (
    <Select
      label="Scorecard"
      description={props.description}
      options={props.scorecards.map(s => ({ value: s.id, label: s.title }))}
      value={props.value ?? null}
      onChange={key => key && props.onChange(String(key))}
      isDisabled={props.scorecards.length < 2}
    />
  );
}
