export { TriggersEditor } from './TriggersEditor';
