import { useLocation } from 'react-router-dom';

/** Shows the current location, so tests can check where a link went. */
export function Location() {
  const location = useLocation();
  return (
    <output aria-label="Location">{location.pathname + location.search}</output>
  );
}
