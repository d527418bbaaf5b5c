/**
 * Which catalog entities a campaign is about. Every field narrows the cohort;
 * a list matches any of its values.
 *
 * @public
 */
export interface CampaignCohort {
  /** Entity kinds; default `['Component']`. */
  kinds?: string[];
  /** `spec.type` values, e.g. `service`. */
  types?: string[];
  /** System refs (`system:default/payments` or `payments`). */
  systems?: string[];
  /** Entities with any of these tags. */
  tags?: string[];
  /** Values of the language annotation (`flywheel.dev/language` unless configured). */
  languages?: string[];
  /** Group refs: entities owned by one of them or by a team below it. */
  owners?: string[];
  /** Only entities that were not created from a golden path. */
  notFromGoldenPath?: boolean;
}

/**
 * What an entity of the cohort must reach.
 *
 * @public
 */
export type CampaignGoal =
  | {
      /** A scorecard check passes (an exempt check counts as exempt). */
      type: 'check';
      scorecardId: string;
      checkId: string;
    }
  | {
      /** A scorecard level is reached, or a higher one. */
      type: 'level';
      scorecardId: string;
      level: string;
    }
  | {
      /** The entity comes from this golden path, at `minVersion` or later. */
      type: 'goldenPath';
      templateRef: string;
      minVersion?: string;
    };

/**
 * The scaffolder template that does a to-do item's work for one entity.
 *
 * @public
 */
export interface CampaignAutomation {
  templateRef: string;
  /** The template parameter that takes the entity ref; default `entity`. */
  entityParameter?: string;
  /** Further values the form opens with. */
  parameters?: Record<string, string>;
}

/**
 * A campaign as it is defined (request body of a create, or config).
 *
 * @public
 */
export interface CampaignDefinition {
  /** Lowercase letters, digits and dashes; unique. */
  id: string;
  title: string;
  description: string;
  /** Markdown: how a team gets an entity to the goal. */
  howTo?: string;
  /** The group or user who runs the campaign. */
  ownerRef: string;
  cohort: CampaignCohort;
  goal: CampaignGoal;
  automation?: CampaignAutomation;
  /** ISO 8601 date or instant. */
  startsAt: string;
  /** ISO 8601 date or instant, after `startsAt`. */
  deadline: string;
}

/**
 * `scheduled` before the start; `running` until every entity not exempt
 * meets the goal (`completed`) or the deadline passes (`overdue`); `closed`
 * once a person closes it (archived: progress is no longer updated).
 *
 * @public
 */
export type CampaignState =
  | 'scheduled'
  | 'running'
  | 'completed'
  | 'overdue'
  | 'closed';

/** @public */
export type CampaignMemberState = 'met' | 'open' | 'exempt';

/**
 * Counts over the cohort entities the caller may see.
 *
 * @public
 */
export interface CampaignCounts {
  cohort: number;
  met: number;
  open: number;
  exempt: number;
  /** met / (cohort − exempt), 0–100; null for an empty cohort. */
  percent: number | null;
}

/** @public */
export interface Campaign extends CampaignDefinition {
  /** Config campaigns are defined in app-config; API campaigns in the UI or API. */
  source: 'config' | 'api';
  state: CampaignState;
  /** The goal in words, e.g. "Scorecard Production readiness: check TechDocs passes". */
  goalText: string;
  createdAt: string;
  createdBy?: string;
  closedAt?: string;
  closedBy?: string;
  closeNote?: string;
  /** When every entity not exempt first met the goal. */
  completedAt?: string;
  /** Counts at the start, over the whole cohort; absent before the start. */
  baseline?: { at: string; cohort: number; met: number; exempt: number };
  progress: CampaignCounts;
}

/** @public */
export interface CampaignsResponse {
  items: Campaign[];
}

/**
 * One day of the burn-up.
 *
 * @public
 */
export interface CampaignDay {
  day: string;
  cohort: number;
  met: number;
  exempt: number;
}

/**
 * When the campaign finishes at the recent pace. `date` is absent when the
 * pace is not positive.
 *
 * @public
 */
export interface CampaignProjection {
  /** Entities meeting the goal per week, over `basisDays`. */
  pacePerWeek: number;
  basisDays: number;
  date?: string;
  /** An 80 % range of the date, from the spread of the daily counts. */
  earliest?: string;
  latest?: string;
  /** high: the whole range is on one side of the deadline; low: few days or no pace. */
  confidence: 'high' | 'medium' | 'low';
  onTrack: boolean;
  /** One sentence for people. */
  summary: string;
}

/** @public */
export interface CampaignProgressResponse {
  campaignId: string;
  /** Daily counts from the start (or the first day known) to today. */
  days: CampaignDay[];
  /** Why `days` is empty although the campaign has history, if it is. */
  withheld?: string;
  /** The straight line from the baseline at the start to all met at the deadline. */
  ideal: { day: string; met: number }[];
  projection?: CampaignProjection;
}

/**
 * A team's part of the cohort, its own entities and those of the teams
 * below it.
 *
 * @public
 */
export interface CampaignTeamProgress extends CampaignCounts {
  groupRef: string;
  parentRef?: string;
  /** Entities owned by the team itself. */
  own: CampaignCounts;
}

/** @public */
export interface CampaignTeamsResponse {
  campaignId: string;
  teams: CampaignTeamProgress[];
  /** Entities whose owner is no known group (a user, or none). */
  unowned: CampaignCounts;
}

/** @public */
export interface CampaignItem {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  state: CampaignMemberState;
  /** Why the entity is in this state, from the goal's evaluation. */
  reason: string;
  /** When it last started meeting the goal. */
  metAt?: string;
}

/** @public */
export interface CampaignItemsResponse {
  campaignId: string;
  items: CampaignItem[];
  totalCount: number;
}

/**
 * The campaigns an entity or a team is part of, with its own counts.
 *
 * @public
 */
export interface CampaignMembershipsResponse {
  items: Array<{
    campaign: Campaign;
    /** The entity's item, when asked for an entity. */
    item?: CampaignItem;
    /** The team's counts (its subtree), when asked for a group. */
    team?: CampaignCounts;
  }>;
}

/** @public */
export interface CampaignCloseRequest {
  note?: string;
}
