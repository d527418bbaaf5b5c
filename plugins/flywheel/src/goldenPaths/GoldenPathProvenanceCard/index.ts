export { GoldenPathProvenanceCard } from './GoldenPathProvenanceCard';
