import {
  CampaignCohort,
  CampaignDefinition,
  CampaignGoal,
} from '@flywheel/plugin-flywheel-common';
import { CalendarDate, getLocalTimeZone, today } from '@internationalized/date';

/** What the create dialog holds while a person fills it in. */
export interface CampaignForm {
  id: string;
  /** The person typed an id: it no longer follows the title. */
  idEdited: boolean;
  title: string;
  description: string;
  howTo: string;
  ownerRef?: string;
  /** Comma-separated lists, as typed. */
  kinds: string;
  types: string;
  tags: string;
  systems: string;
  languages: string;
  owners: string[];
  notFromGoldenPath: boolean;
  goalType: CampaignGoal['type'];
  scorecardId?: string;
  checkId?: string;
  level?: string;
  templateRef?: string;
  minVersion: string;
  automationTemplateRef?: string;
  entityParameter: string;
  startsAt: CalendarDate | null;
  deadline: CalendarDate | null;
}

/** Days from the start to the deadline a new campaign proposes: a quarter. */
export const DEFAULT_DAYS = 90;

/** An empty form: starting today, due a quarter later. */
export function blankForm(): CampaignForm {
  const now = today(getLocalTimeZone());
  return {
    id: '',
    idEdited: false,
    title: '',
    description: '',
    howTo: '',
    kinds: '',
    types: '',
    tags: '',
    systems: '',
    languages: '',
    owners: [],
    notFromGoldenPath: false,
    goalType: 'check',
    minVersion: '',
    entityParameter: '',
    startsAt: now,
    deadline: now.add({ days: DEFAULT_DAYS }),
  };
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** An id from a title: "TechDocs everywhere!" → `techdocs-everywhere`. */
export function idFromTitle(title: string): string {
  return title
    .toLocaleLowerCase('en-US')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** A comma-separated list as typed, without blanks. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map(value => value.trim())
    .filter(Boolean);
}

/** Why the form cannot be sent yet, by field; empty when it can. */
export type FormErrors = Partial<
  Record<
    | 'id'
    | 'title'
    | 'description'
    | 'ownerRef'
    | 'scorecardId'
    | 'checkId'
    | 'level'
    | 'templateRef'
    | 'startsAt'
    | 'deadline',
    string
  >
>;

export function validateForm(form: CampaignForm): FormErrors {
  const errors: FormErrors = {};
  const id = form.id.trim();
  if (!id) {
    errors.id = 'Give the campaign an id.';
  } else if (!ID_PATTERN.test(id) || id.length > 100) {
    errors.id =
      'Use lowercase letters, digits and single dashes, e.g. techdocs-everywhere.';
  } else if (id === 'memberships') {
    errors.id = "The id 'memberships' is reserved.";
  }
  if (!form.title.trim()) {
    errors.title = 'Give the campaign a title.';
  }
  if (!form.description.trim()) {
    errors.description = 'Say what the campaign is for.';
  }
  if (!form.ownerRef) {
    errors.ownerRef = 'Choose the team that runs the campaign.';
  }
  if (form.goalType === 'goldenPath') {
    if (!form.templateRef) {
      errors.templateRef = 'Choose the golden path.';
    }
  } else {
    if (!form.scorecardId) {
      errors.scorecardId = 'Choose the scorecard.';
    }
    if (form.goalType === 'check' && !form.checkId) {
      errors.checkId = 'Choose the check that must pass.';
    }
    if (form.goalType === 'level' && !form.level) {
      errors.level = 'Choose the level to reach.';
    }
  }
  if (!form.startsAt) {
    errors.startsAt = 'Choose the day the campaign starts.';
  }
  if (!form.deadline) {
    errors.deadline = 'Choose the deadline.';
  } else if (form.deadline.compare(today(getLocalTimeZone())) <= 0) {
    errors.deadline = 'The deadline must lie ahead.';
  } else if (form.startsAt && form.deadline.compare(form.startsAt) <= 0) {
    errors.deadline = 'The deadline must come after the start.';
  }
  return errors;
}

/** The beginning of a day in the person's zone, as an ISO date-time. */
function dayInstant(day: CalendarDate): string {
  return day.toDate(getLocalTimeZone()).toISOString();
}

function goalOf(form: CampaignForm): CampaignGoal {
  if (form.goalType === 'goldenPath') {
    const minVersion = form.minVersion.trim();
    return {
      type: 'goldenPath',
      templateRef: form.templateRef!,
      ...(minVersion ? { minVersion } : {}),
    };
  }
  if (form.goalType === 'level') {
    return {
      type: 'level',
      scorecardId: form.scorecardId!,
      level: form.level!,
    };
  }
  return {
    type: 'check',
    scorecardId: form.scorecardId!,
    checkId: form.checkId!,
  };
}

/** The definition to send for a valid form; empty fields are left out. */
export function definitionOf(form: CampaignForm): CampaignDefinition {
  const cohort: CampaignCohort = {};
  for (const field of [
    'kinds',
    'types',
    'tags',
    'systems',
    'languages',
  ] as const) {
    const values = splitList(form[field]);
    if (values.length > 0) {
      cohort[field] = values;
    }
  }
  if (form.owners.length > 0) {
    cohort.owners = form.owners;
  }
  if (form.notFromGoldenPath) {
    cohort.notFromGoldenPath = true;
  }
  const howTo = form.howTo.trim();
  const entityParameter = form.entityParameter.trim();
  return {
    id: form.id.trim(),
    title: form.title.trim(),
    description: form.description.trim(),
    ...(howTo ? { howTo } : {}),
    ownerRef: form.ownerRef!,
    cohort,
    goal: goalOf(form),
    ...(form.automationTemplateRef
      ? {
          automation: {
            templateRef: form.automationTemplateRef,
            ...(entityParameter ? { entityParameter } : {}),
          },
        }
      : {}),
    startsAt: dayInstant(form.startsAt!),
    deadline: dayInstant(form.deadline!),
  };
}
