export { StageStepper } from './StageStepper';
