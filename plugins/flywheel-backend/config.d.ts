import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  flywheel?: {
    /**
     * The per-person limit on writes (POST, PUT, PATCH, DELETE) to
     * Flywheel's API, counted in the plugin's database so all replicas
     * share it. A write over the limit is answered 429 with Retry-After and
     * changes nothing. Backends (service credentials) are not limited. See
     * docs/security.md.
     * @visibility backend
     */
    rateLimit?: {
      /** Writes a minute per person; default 120, 0 turns the limit off. */
      writesPerMinute?: number;
    };

    /**
     * How long people stay on Flywheel's records; the task
     * flywheel-people-retention applies it daily, once across replicas.
     * Usage events have their own period (flywheel.metrics.usage.retentionDays).
     * See docs/security.md. A value out of range stops the backend.
     * @visibility backend
     */
    retention?: {
      /**
       * Days after a survey wave closes until who answered it and who
       * snoozed or dismissed it are deleted and its identified answers lose
       * their person; trigger events older than this are deleted. 90–3660,
       * default 395.
       */
      surveyParticipationDays?: number;
      /**
       * Days until maturity attestations and waivers lose the person who
       * made them (the evidence and note stay). 1–3660, default 1095.
       */
      attestationDays?: number;
      /**
       * Days after a golden-path run until it loses the person who ran it
       * (the run still counts). 1–3660, default 395.
       */
      goldenPathRunDays?: number;
    };

    /**
     * Whether the built-in "Golden path adoption" scorecard (id
     * `golden-path-adoption`) is evaluated. Default true. A scorecard in
     * `flywheel.scorecards` with the same id replaces it instead.
     * @visibility backend
     */
    scorecardsDefault?: boolean;

    /**
     * When the scorecard engine evaluates the whole catalog. Only results
     * that changed are written, so frequent runs are cheap. Default: every
     * 10 minutes; snapshots for history are written after each run.
     * @visibility backend
     */
    scorecardEvaluation?: {
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * With `@flywheel/plugin-catalog-backend-module-flywheel` installed,
       * changed entities are re-evaluated this many seconds after the
       * catalog reports them (default 10), in one batch.
       * @visibility backend
       */
      changeDelaySeconds?: number;
    };

    /**
     * Adoption scorecards as code. Each applies to the entities its `filter`
     * matches and places each of them on a level ladder: an entity reaches a
     * level when every check at that level and below passes (or warns, is
     * exempt or does not apply). Bad entries fail the backend at startup with
     * a message naming the scorecard and the field. Long lists can live in
     * their own file: `scorecards: { $include: ./scorecards.yaml }`.
     * @visibility backend
     */
    scorecards?: Array<{
      /**
       * Unique id, a slug: lowercase letters and digits in dash-separated
       * words, e.g. `production-readiness`. Stored with results: renaming it
       * starts a new history.
       * @visibility backend
       */
      id: string;
      /**
       * Title shown in the UI.
       * @visibility backend
       */
      title: string;
      /**
       * What the scorecard is for, shown in the UI.
       * @visibility backend
       */
      description?: string;
      /**
       * Entity ref of the team that owns the scorecard; the kind defaults to
       * group and the namespace to default (`platform` means
       * `group:default/platform`).
       * @visibility backend
       */
      owner?: string;
      /**
       * Which entities the scorecard applies to, as a filter predicate
       * (`@backstage/filter-predicates`): dot paths into the entity with
       * case-insensitive values, `$exists`, `$in`, `$contains`, `$hasPrefix`
       * and `$all` / `$any` / `$not`. Default `{ kind: Component }`.
       * Example: `{ kind: Component, spec.type: { $in: [service, website] } }`.
       * @visibility backend
       */
      filter?: { [pathOrOperator: string]: unknown };
      /**
       * The level ladder, lowest first. Default Bronze, Silver, Gold with ids
       * `bronze`, `silver`, `gold`.
       * @visibility backend
       */
      levels?: Array<{
        /**
         * Slug, unique within the scorecard; checks refer to it as `level`.
         * @visibility backend
         */
        id: string;
        /**
         * Title shown in the UI.
         * @visibility backend
         */
        title: string;
        /**
         * What reaching the level means.
         * @visibility backend
         */
        description?: string;
      }>;
      /**
       * The checks, at least one. Besides the keys below, each check takes
       * the parameters of its `type` inline, next to them:
       *
       * - `catalog.annotation`: `annotation`; optional `equals` or `matches`
       *   (a regular expression).
       * - `catalog.field`: `path` (dot path, e.g. `spec.lifecycle`); at most one
       *   of `exists` (default true), `equals`, `in`, `matches`. Exact,
       *   case-sensitive comparison.
       * - `catalog.relation`: `relation` (e.g. ownedBy, partOf, dependsOn,
       *   providesApi, consumesApi); optional `targetKind` and `minCount`
       *   (default 1).
       * - `catalog.filter`: `filter`, a filter predicate the entity must match.
       * - `goldenPath.created`, `goldenPath.currentVersion`: no parameters.
       * - `metric`: `metric` (a Flywheel metric id), `operator`
       *   (`<`, `<=`, `>`, `>=`, `==`, `!=`), `threshold` (a number).
       * - `fact`: `provider`, `fact`, `operator` (`exists`, `truthy` (the
       *   default), `equals`, `notEquals`, `in`, `contains`, `<`, `<=`, `>`,
       *   `>=`) and `value` for every operator but exists and truthy.
       * @visibility backend
       */
      checks: Array<{
        /**
         * Slug, unique within the scorecard. Results, history and exemptions
         * are stored under it.
         * @visibility backend
         */
        id: string;
        /**
         * Title shown in the UI, e.g. "Has TechDocs".
         * @visibility backend
         */
        title: string;
        /**
         * Why the check matters.
         * @visibility backend
         */
        description?: string;
        /**
         * The check type: catalog.annotation, catalog.field,
         * catalog.relation, catalog.filter, goldenPath.created,
         * goldenPath.currentVersion, metric or fact.
         * @visibility backend
         */
        type: string;
        /**
         * Id of the level the check belongs to. Default: the first level.
         * @visibility backend
         */
        level?: string;
        /**
         * Optional grouping in the UI, e.g. "Documentation".
         * @visibility backend
         */
        category?: string;
        /**
         * Weight in the percentage score, a positive number. Default 1.
         * @visibility backend
         */
        weight?: number;
        /**
         * `error` (default): a failure blocks the level. `warn`: a failure
         * shows as a warning, lowers the score and does not block the level.
         * @visibility backend
         */
        severity?: 'error' | 'warn';
        /**
         * A short text telling a developer how to make the check pass, e.g.
         * "Set `spec.system` in catalog-info.yaml". `code` spans and URLs in
         * it are rendered. A value that is only an http(s) URL is shown as a
         * link (older configurations did this; prefer `howToFixUrl`).
         * @visibility backend
         */
        howToFix?: string;
        /**
         * Where to read how to make the check pass, shown as a "How to fix"
         * link next to `howToFix`: an absolute http(s) URL
         * (`https://wiki.example.com/runbooks`) or a path in the Backstage
         * app starting with `/` (`/create`, `/docs/default/component/x`).
         * Anything else stops the backend at start-up.
         * @visibility backend
         */
        howToFixUrl?: string;
        /**
         * The type's parameters, inline (see `checks`).
         * @visibility backend
         */
        [param: string]: unknown;
      }>;
    }>;

    /**
     * Campaigns: time-bound pushes that bring a cohort of catalog entities
     * to a goal by a deadline. See docs/campaigns.md.
     */
    campaigns?: {
      /**
       * How often every open campaign's cohort is evaluated in full and its
       * notifications sent (default every 10 minutes). Entities scorecards
       * re-evaluate on their own are re-judged at once in between.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * The annotation a cohort's `languages` compare with (default
       * `flywheel.dev/language`).
       * @visibility backend
       */
      languageAnnotation?: string;
      /**
       * Campaigns as code, beside those created in the UI. A bad entry
       * stops the backend at start-up with the entry and field named.
       * Changing an entry here changes the stored campaign; closing it is
       * done in the UI or API.
       * @visibility backend
       */
      definitions?: Array<{
        /**
         * Lowercase letters, digits and single dashes; unique.
         * @visibility backend
         */
        id: string;
        /** @visibility backend */
        title: string;
        /** @visibility backend */
        description: string;
        /**
         * Markdown: how a team brings an entity to the goal.
         * @visibility backend
         */
        howTo?: string;
        /**
         * The group (or user) running the campaign.
         * @visibility backend
         */
        ownerRef: string;
        /**
         * Which entities: every given field narrows the cohort, a list
         * matches any of its values. `kinds` defaults to Component;
         * `owners` are groups whose subtrees count.
         * @visibility backend
         */
        cohort: {
          /** @visibility backend */
          kinds?: string[];
          /** @visibility backend */
          types?: string[];
          /** @visibility backend */
          systems?: string[];
          /** @visibility backend */
          tags?: string[];
          /** @visibility backend */
          languages?: string[];
          /** @visibility backend */
          owners?: string[];
          /** @visibility backend */
          notFromGoldenPath?: boolean;
        };
        /**
         * `check` (scorecardId, checkId): the check passes; `level`
         * (scorecardId, level): that level or a higher one; `goldenPath`
         * (templateRef, minVersion): on the golden path at that version
         * or later.
         * @visibility backend
         */
        goal: {
          /** @visibility backend */
          type: 'check' | 'level' | 'goldenPath';
          /** @visibility backend */
          scorecardId?: string;
          /** @visibility backend */
          checkId?: string;
          /** @visibility backend */
          level?: string;
          /** @visibility backend */
          templateRef?: string;
          /** @visibility backend */
          minVersion?: string;
        };
        /**
         * The scaffolder template each to-do item offers, opened with the
         * entity in `entityParameter` (default `entity`) and `parameters`.
         * @visibility backend
         */
        automation?: {
          /** @visibility backend */
          templateRef: string;
          /** @visibility backend */
          entityParameter?: string;
          /** @visibility backend */
          parameters?: { [name: string]: string };
        };
        /**
         * ISO 8601 date.
         * @visibility backend
         */
        startsAt: string;
        /**
         * ISO 8601 date, after startsAt.
         * @visibility backend
         */
        deadline: string;
      }>;
    };

    /**
     * Maturity stages of platform capabilities and the product dashboard.
     * See docs/maturity.md.
     */
    maturity?: {
      /** Which catalog entities are platform capabilities. */
      capabilities?: {
        /**
         * A catalog filter (as the catalog API takes it). Default: entities
         * tagged `capability` (`metadata.tags: capability`).
         * @visibility backend
         */
        filter?: { [key: string]: string | string[] };
      };
      /**
       * The model a capability uses unless its `flywheel.dev/maturity-model`
       * annotation names another. Default: the first of `models`.
       * @visibility backend
       */
      defaultModel?: string;
      /**
       * Stage models; without any, the built-in "Platform stages" (Minimum
       * Viable Platform → Production Readiness → Adoption & Scaling). Each
       * version is recorded: change a model's stages or criteria and raise
       * its version, so transitions made under the old one stay readable.
       * A bad model stops the backend at start-up with the field named.
       * @visibility backend
       */
      models?: Array<{
        /** @visibility backend */
        id: string;
        /** @visibility backend */
        version: number;
        /** @visibility backend */
        title: string;
        /** @visibility backend */
        description?: string;
        /**
         * Ordered stages (at least two), each with its exit criteria.
         * @visibility backend
         */
        stages: Array<{
          /** @visibility backend */
          id: string;
          /** @visibility backend */
          title: string;
          /** @visibility backend */
          description?: string;
          /**
           * `manual` (attested with evidence; `expiresAfterDays`) or
           * `metric` (`metric` id or pattern such as `surveys.*.csat`,
           * `scope` org | capability | goldenPaths | teams | a group or
           * template ref, `aggregation` window | latest | min | max | mean,
           * `window` such as 12w, `interval`, `comparator` >= > <= <,
           * `threshold` in the metric's unit, `minSampleSize`).
           * `required` defaults to true.
           * @visibility backend
           */
          criteria?: Array<{
            /** @visibility backend */
            type: 'manual' | 'metric';
            /** @visibility backend */
            id: string;
            /** @visibility backend */
            title: string;
            /** @visibility backend */
            description?: string;
            /** @visibility backend */
            required?: boolean;
            /** @visibility backend */
            expiresAfterDays?: number;
            /** @visibility backend */
            metric?: string;
            /** @visibility backend */
            scope?: string;
            /** @visibility backend */
            aggregation?: 'window' | 'latest' | 'min' | 'max' | 'mean';
            /** @visibility backend */
            window?: string;
            /** @visibility backend */
            interval?: 'day' | 'week' | 'month';
            /** @visibility backend */
            comparator?: '>=' | '>' | '<=' | '<';
            /** @visibility backend */
            threshold?: number;
            /** @visibility backend */
            minSampleSize?: number;
          }>;
        }>;
      }>;
      /**
       * The product dashboard's outcomes, replacing the default list (NPS,
       * CSAT, golden-path adoption, active users, service creation time,
       * time to first deploy, lead time).
       * @visibility backend
       */
      outcomes?: Array<{
        /** @visibility backend */
        family: 'satisfaction' | 'usage' | 'valueStream';
        /** A metric id; `*` matches one segment. @visibility backend */
        metric: string;
        /** @visibility backend */
        title?: string;
        /** @visibility backend */
        target?: number;
      }>;
      /**
       * Targets of outcomes (in the metric's unit); a target set on the
       * dashboard overrides the one here.
       * @visibility backend
       */
      targets?: Array<{
        /** @visibility backend */
        metric: string;
        /** @visibility backend */
        value: number;
      }>;
    };
    /**
     * Value-stream and usage metrics. See docs/metrics.md.
     */
    metrics?: {
      /**
       * The N of "new services deployed within N days": a new service counts
       * as deployed in time when its first successful production deployment
       * came within this many days of its creation. Default 14.
       * @visibility backend
       */
      firstDeployWithinDays?: number;
      /**
       * Platform usage: the analytics events the app's Flywheel analytics
       * module sends.
       */
      usage?: {
        /**
         * Days usage events (and the days each person was active) are kept;
         * older ones are deleted by the task flywheel-usage-retention every
         * six hours. A whole number from 1 to 3660; default 395 (thirteen
         * months, so a month can be compared with the same month a year
         * before). New users count from the oldest day kept.
         * @visibility backend
         */
        retentionDays?: number;
      };
    };
    /**
     * NPS and CSAT surveys. See docs/surveys.md.
     */
    surveys?: {
      /**
       * The smallest number of responses a team (or any segment) needs for
       * its numbers to be shown. Default 5; values below 3 are raised to 3.
       * @visibility backend
       */
      minGroupSize?: number;
      /**
       * The smallest number of responses a team needs for its comments to be
       * shown with the team named, and a scope for its comments to be shown
       * at all. Default 10; never below minGroupSize.
       * @visibility backend
       */
      minCommentGroupSize?: number;
      /**
       * Days between any two surveys a person is asked to answer. Default 30.
       * @visibility backend
       */
      minDaysBetweenSurveys?: number;
      /**
       * Days between two surveys with an NPS question. Default 90.
       * @visibility backend
       */
      minDaysBetweenNps?: number;
      /**
       * Days a prompt stays away after "Not now". Default 3.
       * @visibility backend
       */
      snoozeDays?: number;
      /**
       * Invite a wave's audience through Backstage notifications when it
       * opens (surveys with the `wave-open` trigger). Default true.
       * @visibility backend
       */
      notifyOnWaveOpen?: boolean;
      /**
       * Surveys as code: each an `id` plus the fields of a survey definition
       * (title, description, anonymous, questions, audience, schedule,
       * triggers, samplingPercent) as the API takes them. They cannot be
       * edited in the UI. A bad definition stops the backend at start-up
       * with the survey and field named.
       * @visibility backend
       */
      definitions?: Array<{
        /** @visibility backend */
        id: string;
        /** @visibility backend */
        [field: string]: unknown;
      }>;
    };
  };
}
