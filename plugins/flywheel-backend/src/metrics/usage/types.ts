/*
 * The usage API's responses. The breakdown's (`GET /usage/breakdown`) are in
 * @flywheel/plugin-flywheel-common, which the frontend reads too.
 */

/** `POST /usage/events` */
export interface UsageIngestResponse {
  /** Events stored. */
  received: number;
}
