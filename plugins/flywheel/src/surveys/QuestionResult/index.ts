export { QuestionResult } from './QuestionResult';
