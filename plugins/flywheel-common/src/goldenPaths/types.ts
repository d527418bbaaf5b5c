/**
 * Outcome of one scaffolder run of a golden path.
 *
 * @public
 */
export type ScaffolderRunOutcome = 'succeeded' | 'failed';

/**
 * A service (catalog Component) created from a golden path.
 *
 * @public
 */
export interface GoldenPathService {
  entityRef: string;
  title: string;
  type?: string;
  owner?: string;
  templateRef?: string;
  templateVersion?: string;
  createdAt?: string;
  drifted: boolean;
}

/**
 * Creations of a path in one calendar month (UTC), for trend charts.
 *
 * @public
 */
export interface MonthlyCount {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

/**
 * One golden path with its numbers.
 *
 * @public
 */
export interface GoldenPathSummary {
  templateRef: string;
  name: string;
  title: string;
  description?: string;
  owner?: string;
  type?: string;
  tags: string[];
  /** Current template version (semver), if the template declares one. */
  version?: string;
  changelog?: string;
  /** Components in the catalog created from this path (backfilled ones too). */
  servicesCreated: number;
  /** servicesCreated ÷ all Components in the catalog, in percent. */
  adoptionPercent: number;
  runs: {
    total: number;
    succeeded: number;
    failed: number;
    /** succeeded ÷ total, 0–1; null when nothing was recorded. */
    successRate: number | null;
  };
  /** Median of task created → task completed over successful, non-dry runs. */
  medianCreationSeconds: number | null;
  /** Services created from an older template version. */
  drifted: GoldenPathService[];
  creationsByMonth: MonthlyCount[];
}

/**
 * Response of `GET /api/flywheel/golden-paths`.
 *
 * @public
 */
export interface GoldenPathsResponse {
  items: GoldenPathSummary[];
  totals: {
    components: number;
    fromGoldenPaths: number;
    adoptionPercent: number;
  };
}

/**
 * Adoption of one golden path within a scope.
 *
 * @public
 */
export interface PathAdoption {
  templateRef: string;
  title: string;
  count: number;
  percent: number;
}

/**
 * Response of `GET /api/flywheel/golden-paths/adoption?groupRef=`.
 *
 * @public
 */
export interface GroupAdoptionResponse {
  groupRef: string;
  /** The group and all its sub-groups, which together form the scope. */
  groupRefs: string[];
  totalComponents: number;
  fromGoldenPaths: number;
  adoptionPercent: number;
  paths: PathAdoption[];
  /** Every Component in scope: the numbers above are counted from these. */
  components: GoldenPathService[];
}

/**
 * Response of `GET /api/flywheel/golden-paths/provenance?entityRef=`.
 *
 * @public
 */
export interface EntityProvenanceResponse {
  entityRef: string;
  /** False when the entity carries no template provenance at all. */
  fromTemplate: boolean;
  templateRef?: string;
  /** Whether that template is (still) marked as a golden path. */
  isGoldenPath: boolean;
  templateTitle?: string;
  templateVersion?: string;
  currentVersion?: string;
  drifted: boolean;
  createdAt?: string;
}

/**
 * Body of `POST /api/flywheel/golden-paths/runs`, sent by the
 * `flywheel:run:record` scaffolder action.
 *
 * @public
 */
export interface RecordRunRequest {
  taskId: string;
  templateRef: string;
  templateVersion?: string;
  entityRef?: string;
  ownerRef?: string;
  startedAt?: string;
  completedAt?: string;
  outcome: ScaffolderRunOutcome;
}
