import { SurveyAudience } from '@flywheel/plugin-flywheel-common';
import { Flex, Radio, RadioGroup, Select, Text } from '@backstage/ui';
import { useGroupTitles } from '../../shared/groupTitles';
import {
  byLabel,
  useTemplateOptions,
  withChosen,
} from '../../shared/templateOptions';
import statusText from '../../shared/statusText.module.css';

function GroupsPicker(props: {
  value: string[];
  onChange: (refs: string[]) => void;
  isDisabled: boolean;
  error?: string;
}) {
  const { value: titles, loading, error } = useGroupTitles();
  const options = withChosen(
    [...(titles ?? [])].map(([id, label]) => ({ id, label })).sort(byLabel),
    props.value,
  );
  let description =
    'A team includes its sub-teams: choosing Commerce also asks Checkout and Payments under it.';
  if (error) {
    description = `Could not load teams: ${error.message}`;
  }
  return (
    <Select
      label="Teams"
      selectionMode="multiple"
      placeholder={loading ? 'Loading teams…' : 'Choose teams'}
      description={description}
      options={options}
      search={{ placeholder: 'Search teams' }}
      value={props.value}
      onChange={keys => props.onChange(keys.map(String))}
      isDisabled={props.isDisabled || loading}
      validationBehavior="aria"
      validate={() => props.error}
    />
  );
}

function TemplatesPicker(props: {
  value: string[];
  onChange: (refs: string[]) => void;
  isDisabled: boolean;
  error?: string;
}) {
  const { value, loading, error } = useTemplateOptions();
  const options = withChosen(value ?? [], props.value);
  let description =
    'Asks the members of the teams owning a Component created from one of these templates.';
  if (error) {
    description = `Could not load templates: ${error.message}`;
  } else if (value?.length === 0) {
    description = 'The catalog has no Template entities yet.';
  }
  return (
    <Select
      label="Templates"
      selectionMode="multiple"
      placeholder={loading ? 'Loading templates…' : 'Choose templates'}
      description={description}
      options={options}
      search={{ placeholder: 'Search templates' }}
      value={props.value}
      onChange={keys => props.onChange(keys.map(String))}
      isDisabled={props.isDisabled || loading}
      validationBehavior="aria"
      validate={() => props.error}
    />
  );
}

/**
 * Who a survey asks: everyone in the catalog, chosen teams with their
 * sub-teams, or the owners of services created from chosen golden paths.
 */
export function AudienceEditor(props: {
  audience: SurveyAudience;
  onChange: (audience: SurveyAudience) => void;
  isDisabled?: boolean;
  error?: string;
}) {
  const { audience, onChange, error } = props;
  const isDisabled = !!props.isDisabled;

  const setType = (type: string) => {
    if (type === audience.type) {
      return;
    }
    if (type === 'groups') {
      onChange({ type: 'groups', groupRefs: [] });
    } else if (type === 'golden-path-owners') {
      onChange({ type: 'golden-path-owners', templateRefs: [] });
    } else {
      onChange({ type: 'everyone' });
    }
  };

  return (
    <Flex direction="column" gap="3">
      <RadioGroup
        label="Who is asked"
        value={audience.type}
        onChange={setType}
        isDisabled={isDisabled}
      >
        <Radio value="everyone">Everyone (every User in the catalog)</Radio>
        <Radio value="groups">Members of chosen teams</Radio>
        <Radio value="golden-path-owners">
          Owners of services created from chosen golden paths
        </Radio>
      </RadioGroup>
      {audience.type === 'groups' && (
        <GroupsPicker
          value={audience.groupRefs}
          onChange={groupRefs => onChange({ type: 'groups', groupRefs })}
          isDisabled={isDisabled}
          error={error}
        />
      )}
      {audience.type === 'golden-path-owners' && (
        <TemplatesPicker
          value={audience.templateRefs}
          onChange={templateRefs =>
            onChange({ type: 'golden-path-owners', templateRefs })
          }
          isDisabled={isDisabled}
          error={error}
        />
      )}
      {audience.type === 'everyone' && error && (
        <Text variant="body-small">
          <span className={statusText.danger}>{error}</span>
        </Text>
      )}
    </Flex>
  );
}
