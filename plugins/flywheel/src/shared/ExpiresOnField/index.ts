export type { ExpiryRange } from './ExpiresOnField';
export {
  ExpiresOnField,
  expiryError,
  expiryInstant,
  expiryRange,
} from './ExpiresOnField';
