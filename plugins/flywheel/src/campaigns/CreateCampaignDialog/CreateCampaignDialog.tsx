import { ReactNode, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Campaign, CampaignGoal } from '@flywheel/plugin-flywheel-common';
import {
  Checkbox,
  DatePicker,
  Select,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import { CalendarDate } from '@internationalized/date';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { FormDialog } from '../../shared/FormDialog';
import { GroupPicker } from '../../shared/GroupPicker';
import { useGroupTitles } from '../../shared/groupTitles';
import {
  byLabel,
  useTemplateOptions,
  withChosen,
} from '../../shared/templateOptions';
import { useAction } from '../../shared/useAction';
import { CAMPAIGNS_MANAGE } from '../permissions';
import {
  blankForm,
  CampaignForm,
  DEFAULT_DAYS,
  definitionOf,
  FormErrors,
  idFromTitle,
  validateForm,
} from './campaignForm';
import styles from './CreateCampaignDialog.module.css';

/** The id of the option that chooses nothing. */
const NONE = '*none*';

const GOAL_TYPES: { id: CampaignGoal['type']; label: string }[] = [
  { id: 'check', label: 'A scorecard check passes' },
  { id: 'level', label: 'A scorecard level is reached' },
  { id: 'goldenPath', label: 'On a golden path' },
];

type Patch = (patch: Partial<CampaignForm>) => void;

/**
 * A Select's or DatePicker's error: marks it invalid and takes the
 * description's place. Their `validate` does not run while they are empty.
 */
function invalidProps(error: string | undefined, description?: string) {
  return { isInvalid: !!error, description: error ?? description };
}
/** A field's error once the form was submitted, for `validate`. */
type ErrorOf = (field: keyof FormErrors) => () => string | undefined;

function Fieldset(props: { legend: string; children: ReactNode }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

function CohortOwnersPicker(props: {
  value: string[];
  onChange: (refs: string[]) => void;
}) {
  const { value: titles, loading, error } = useGroupTitles();
  const options = withChosen(
    [...(titles ?? [])].map(([id, label]) => ({ id, label })).sort(byLabel),
    props.value,
  );
  return (
    <Select
      label="Owned by"
      selectionMode="multiple"
      placeholder={loading ? 'Loading teams…' : 'Any team'}
      description={
        error
          ? `Could not load teams: ${error.message}`
          : 'Entities owned by these teams or a team below them.'
      }
      options={options}
      search={{ placeholder: 'Search teams' }}
      value={props.value}
      onChange={keys => props.onChange(keys.map(String))}
      isDisabled={loading}
    />
  );
}

function ScorecardGoalFields(props: {
  form: CampaignForm;
  set: Patch;
  errorOf: ErrorOf;
}) {
  const { form, set, errorOf } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getScorecards(),
    [flywheelApi],
  );
  const scorecards = value?.items ?? [];
  const scorecard = scorecards.find(s => s.id === form.scorecardId);
  return (
    <>
      <Select
        label="Scorecard"
        isRequired
        placeholder={loading ? 'Loading scorecards…' : 'Choose a scorecard'}
        {...invalidProps(
          errorOf('scorecardId')(),
          error ? `Could not load scorecards: ${error.message}` : undefined,
        )}
        options={scorecards.map(s => ({ id: s.id, label: s.title }))}
        value={form.scorecardId ?? null}
        onChange={key =>
          set({
            scorecardId: key ? String(key) : undefined,
            checkId: undefined,
            level: undefined,
          })
        }
        isDisabled={loading || !!error}
      />
      {form.goalType === 'check' ? (
        <Select
          label="Check"
          isRequired
          placeholder="Choose a check"
          options={(scorecard?.checks ?? []).map(c => ({
            id: c.id,
            label: c.title,
          }))}
          value={form.checkId ?? null}
          onChange={key => set({ checkId: key ? String(key) : undefined })}
          isDisabled={!scorecard}
          {...invalidProps(errorOf('checkId')())}
        />
      ) : (
        <Select
          label="Level"
          isRequired
          placeholder="Choose a level"
          options={(scorecard?.levels ?? []).map(l => ({
            id: l.id,
            label: l.title,
          }))}
          value={form.level ?? null}
          onChange={key => set({ level: key ? String(key) : undefined })}
          isDisabled={!scorecard}
          {...invalidProps(errorOf('level')(), 'This level or a higher one.')}
        />
      )}
    </>
  );
}

function GoldenPathGoalFields(props: {
  form: CampaignForm;
  set: Patch;
  errorOf: ErrorOf;
}) {
  const { form, set, errorOf } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getGoldenPaths(),
    [flywheelApi],
  );
  const paths = value?.items ?? [];
  const path = paths.find(p => p.templateRef === form.templateRef);
  return (
    <div className={styles.pair}>
      <Select
        label="Golden path"
        isRequired
        placeholder={loading ? 'Loading golden paths…' : 'Choose a golden path'}
        {...invalidProps(
          errorOf('templateRef')(),
          error ? `Could not load golden paths: ${error.message}` : undefined,
        )}
        options={withChosen(
          paths.map(p => ({ id: p.templateRef, label: p.title })),
          form.templateRef ? [form.templateRef] : [],
        )}
        value={form.templateRef ?? null}
        onChange={key => set({ templateRef: key ? String(key) : undefined })}
        isDisabled={loading || !!error}
      />
      <TextField
        label="Minimum version"
        description={
          path?.version
            ? `Optional; the path is at ${path.version} now.`
            : 'Optional, e.g. 1.2.0.'
        }
        value={form.minVersion}
        onChange={minVersion => set({ minVersion })}
      />
    </div>
  );
}

function AutomationFields(props: { form: CampaignForm; set: Patch }) {
  const { form, set } = props;
  const { value, loading, error } = useTemplateOptions();
  const options = withChosen(
    value ?? [],
    form.automationTemplateRef ? [form.automationTemplateRef] : [],
  );
  return (
    <>
      <Select
        label="Template"
        description={
          error
            ? `Could not load templates: ${error.message}`
            : 'A scaffolder template that does the work for one entity: each to-do item offers "Start onboarding" with it.'
        }
        placeholder={loading ? 'Loading templates…' : 'No template'}
        options={[{ id: NONE, label: 'No template' }, ...options]}
        value={form.automationTemplateRef ?? NONE}
        onChange={key =>
          set({
            automationTemplateRef:
              key && key !== NONE ? String(key) : undefined,
          })
        }
        isDisabled={loading}
      />
      {form.automationTemplateRef && (
        <TextField
          label="Entity parameter"
          description="The template parameter that takes the entity ref; entity if left empty."
          placeholder="entity"
          value={form.entityParameter}
          onChange={entityParameter => set({ entityParameter })}
        />
      )}
    </>
  );
}

/**
 * The dialog that creates a campaign: what it is (id, title, description,
 * how-to in Markdown, the team that runs it), its cohort (kinds, types,
 * tags, systems, languages, owning teams, not from a golden path), its goal (a
 * scorecard check or level, or a golden path at a version), an optional
 * automation template, and its dates. The backend checks the definition
 * again; when it refuses, its message shows in the dialog and every field
 * keeps what was typed.
 */
export function CreateCampaignDialog(props: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  onCreated: (campaign: Campaign) => void;
}) {
  const { isOpen, onOpenChange, onCreated } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [form, setForm] = useState<CampaignForm>(blankForm);
  const [submitted, setSubmitted] = useState(false);
  const create = useAction(CAMPAIGNS_MANAGE);
  const set: Patch = patch => setForm(current => ({ ...current, ...patch }));
  const errors = validateForm(form);
  const errorOf: ErrorOf = field => () => submitted ? errors[field] : undefined;

  const submit = () => {
    setSubmitted(true);
    if (Object.keys(errors).length > 0) {
      return;
    }
    create.run(async () => {
      const campaign = await flywheelApi.createCampaign(definitionOf(form));
      onCreated(campaign);
      onOpenChange(false);
    });
  };

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title="New campaign"
      intro="A campaign brings a cohort of catalog entities to a goal by a deadline. Flywheel evaluates the cohort as soon as it is created; each entity that does not meet the goal becomes a to-do item for its team."
      submitLabel="Create campaign"
      onSubmit={submit}
      submitting={create.pending}
      error={create.error}
      errorTitle="The campaign was not created"
      width="44rem"
    >
      <TextField
        label="Title"
        isRequired
        value={form.title}
        onChange={title =>
          set(form.idEdited ? { title } : { title, id: idFromTitle(title) })
        }
        validationBehavior="aria"
        validate={errorOf('title')}
      />
      <TextField
        label="Id"
        isRequired
        description="In the campaign's address: lowercase letters, digits and dashes. Cannot change later."
        value={form.id}
        onChange={id => set({ id, idEdited: true })}
        validationBehavior="aria"
        validate={errorOf('id')}
      />
      <TextAreaField
        label="Description"
        isRequired
        rows={2}
        value={form.description}
        onChange={description => set({ description })}
        validationBehavior="aria"
        validate={errorOf('description')}
      />
      <TextAreaField
        label="How to"
        description="Markdown: how a team gets an entity to the goal. Shown on the campaign's page."
        rows={5}
        value={form.howTo}
        onChange={howTo => set({ howTo })}
      />
      <GroupPicker
        label="Owner"
        description="The team that runs the campaign."
        isRequired
        value={form.ownerRef}
        onChange={ownerRef => set({ ownerRef })}
        error={errorOf('ownerRef')()}
      />
      <Fieldset legend="Cohort">
        <div className={styles.pair}>
          <TextField
            label="Kinds"
            description="Comma-separated; Component if left empty."
            placeholder="Component"
            value={form.kinds}
            onChange={kinds => set({ kinds })}
          />
          <TextField
            label="Types"
            description="spec.type values, e.g. service, website."
            value={form.types}
            onChange={types => set({ types })}
          />
          <TextField
            label="Tags"
            description="Entities with any of these tags."
            value={form.tags}
            onChange={tags => set({ tags })}
          />
          <TextField
            label="Systems"
            description="System refs or names, e.g. payments."
            value={form.systems}
            onChange={systems => set({ systems })}
          />
          <TextField
            label="Languages"
            description="Values of the language annotation, e.g. java, go."
            value={form.languages}
            onChange={languages => set({ languages })}
          />
        </div>
        <CohortOwnersPicker
          value={form.owners}
          onChange={owners => set({ owners })}
        />
        <Checkbox
          isSelected={form.notFromGoldenPath}
          onChange={notFromGoldenPath => set({ notFromGoldenPath })}
        >
          Only entities not created from a golden path
        </Checkbox>
      </Fieldset>
      <Fieldset legend="Goal">
        <Select
          label="Goal"
          isRequired
          options={GOAL_TYPES}
          value={form.goalType}
          onChange={key =>
            set({ goalType: (key ?? 'check') as CampaignGoal['type'] })
          }
        />
        {form.goalType === 'goldenPath' ? (
          <GoldenPathGoalFields form={form} set={set} errorOf={errorOf} />
        ) : (
          <ScorecardGoalFields form={form} set={set} errorOf={errorOf} />
        )}
      </Fieldset>
      <Fieldset legend="Automation (optional)">
        <AutomationFields form={form} set={set} />
      </Fieldset>
      <Fieldset legend="Dates">
        <div className={styles.pair}>
          <DatePicker
            label="Starts on"
            isRequired
            value={form.startsAt}
            onChange={day => set({ startsAt: day as CalendarDate | null })}
            {...invalidProps(errorOf('startsAt')())}
          />
          <DatePicker
            label="Deadline"
            isRequired
            value={form.deadline}
            onChange={day => set({ deadline: day as CalendarDate | null })}
            {...invalidProps(
              errorOf('deadline')(),
              `Due when this day begins; ${DEFAULT_DAYS} days after today unless changed.`,
            )}
          />
        </div>
      </Fieldset>
    </FormDialog>
  );
}
