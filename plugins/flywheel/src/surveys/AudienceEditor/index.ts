export { AudienceEditor } from './AudienceEditor';
