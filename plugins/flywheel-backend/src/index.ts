/**
 * The Flywheel backend plugin.
 *
 * @packageDocumentation
 */
export { flywheelPlugin as default } from './plugin';

/*
 * For permission policies: conditional decisions on
 * `flywheel.scorecards.exemption.decide` (see docs/scorecards.md#exemptions).
 */
export {
  createExemptionConditionalDecision,
  defaultExemptionDecisionConditions,
  exemptionConditions,
  exemptionPermissionResourceRef,
  exemptionPermissionRules,
} from './scorecards/exemptions/permissions';
export type {
  ExemptionQuery,
  ExemptionResource,
} from './scorecards/exemptions/permissions';
