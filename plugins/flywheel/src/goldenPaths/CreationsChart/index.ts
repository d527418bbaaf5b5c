export { CreationsChart } from './CreationsChart';
