export { QuestionsEditor } from './QuestionsEditor';
