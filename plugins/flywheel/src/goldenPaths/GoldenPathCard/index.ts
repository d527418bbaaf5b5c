export { GoldenPathCard } from './GoldenPathCard';
