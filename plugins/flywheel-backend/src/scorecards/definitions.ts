import { NotFoundError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import type { FilterPredicate } from '@backstage/filter-predicates';
import {
  ScorecardCheckInfo,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';

/** A configured check: what the API shows plus the type's own parameters. */
export interface CheckDefinition extends ScorecardCheckInfo {
  /** The type-specific parameters, validated by the check type's schema. */
  params: JsonObject;
}

/** A scorecard as the engine uses it. */
export interface ScorecardDefinition extends Omit<ScorecardInfo, 'checks'> {
  /** Which entities the scorecard applies to (`@backstage/filter-predicates`). */
  filter: FilterPredicate;
  checks: CheckDefinition[];
}

/** A fact value as providers return it. */
export type FactValue = string | number | boolean | null | string[];

/** What a check may know about an entity when it is evaluated. */
export interface EvaluationContext {
  /** The entity as read from the catalog (with relations). */
  entity: Entity;
  entityRef: string;
  /**
   * Golden-path provenance, undefined when the entity has no source template.
   * `currentVersion` is the version its template is on now.
   */
  goldenPath?: {
    templateRef: string;
    isGoldenPath: boolean;
    templateVersion?: string;
    currentVersion?: string;
    drifted: boolean;
  };
  /** A custom fact, undefined when the provider has nothing for the entity. */
  fact(providerId: string, fact: string): FactValue | undefined;
  /** A Flywheel metric of the entity, undefined when unknown. */
  metric(metricId: string): number | undefined;
}

/** What a check type decides; the engine turns `fail` into `warn` for severity warn. */
export interface CheckOutcome {
  state: 'pass' | 'fail' | 'not-applicable' | 'unknown';
  /** A sentence a developer understands, e.g. "No backstage.io/techdocs-ref annotation". */
  reason: string;
  value?: string | number | boolean | null;
}

/** What startup validation knows about the installation. */
export interface ValidationContext {
  /** Ids of the registered fact providers. */
  factProviders: ReadonlySet<string>;
  /** Ids of the known metrics. */
  metrics: ReadonlySet<string>;
}

/** The scorecards by id; asking for an unknown one is a 404 that lists them. */
export class ScorecardsById {
  private readonly byId: Map<string, ScorecardDefinition>;

  constructor(scorecards: readonly ScorecardDefinition[]) {
    this.byId = new Map(scorecards.map(s => [s.id, s]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): ScorecardDefinition | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  require(id: string): ScorecardDefinition {
    const scorecard = this.byId.get(id);
    if (!scorecard) {
      throw new NotFoundError(
        `No scorecard '${id}' (scorecards: ${this.ids().join(', ')})`,
      );
    }
    return scorecard;
  }
}
