/*
 * What the surveys domain offers other domains: firing the events that
 * prompt event-triggered surveys (e.g. golden paths, when a run succeeds).
 */

/** Fires survey triggers; other backend domains hold this, not the store. */
export interface SurveyTriggers {
  /** Records that `event` happened for a person, e.g. `scaffolder.run.completed`. */
  fire(event: {
    event: string;
    userRef: string;
    context?: Record<string, unknown>;
  }): Promise<void>;
}
