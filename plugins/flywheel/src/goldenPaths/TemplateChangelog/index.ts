export { TemplateChangelog } from './TemplateChangelog';
