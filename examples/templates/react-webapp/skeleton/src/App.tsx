import { useEffect, useState } from 'react';

export type Health = 'checking' | 'ok' | 'down';

const HEALTH_LABELS: Record<Health, string> = {
  checking: 'Checking…',
  ok: 'Healthy',
  down: 'Unreachable',
};

/** Asks the server's health endpoint once, when the component mounts. */
export function useHealth(url = '/healthz'): Health {
  const [health, setHealth] = useState<Health>('checking');

  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal }).then(
      res => setHealth(res.ok ? 'ok' : 'down'),
      () => {
        if (!controller.signal.aborted) setHealth('down');
      },
    );
    return () => controller.abort();
  }, [url]);

  return health;
}

export function HealthBadge({ health }: { health: Health }) {
  return (
    <span className={`badge badge-${health}`} role="status">
      {HEALTH_LABELS[health]}
    </span>
  );
}

export function Counter() {
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" onClick={() => setClicks(count => count + 1)}>
      {`Clicked ${clicks} ${clicks === 1 ? 'time' : 'times'}`}
    </button>
  );
}

export interface AppProps {
  name: string;
  description?: string;
}

export function App({ name, description }: AppProps) {
  const health = useHealth();
  return (
    <main className="app">
      <h1>{name}</h1>
      {description ? <p className="lead">{description}</p> : null}
      <p>
        Server health: <HealthBadge health={health} />
      </p>
      <Counter />
    </main>
  );
}
