// @ts-check
// A component-style app without a build step: components are functions that return elements
// made with h(), and render() replaces the root's content whenever the state changes.
// When the app outgrows this, swap h()/render() for React's createElement/createRoot:
// the components keep their shape.

const APP_NAME = '${{ values.name }}';

/**
 * Creates a DOM element.
 * @param {string} tag
 * @param {Record<string, unknown> | null} props
 * @param {...(Node | string | number | null | false)} children
 * @returns {HTMLElement}
 */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(
        key.slice(2).toLowerCase(),
        /** @type {EventListener} */ (value),
      );
    } else if (key === 'className') {
      el.className = String(value);
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(key, String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
  return el;
}

/** @type {{ health: 'checking' | 'ok' | 'down', clicks: number }} */
const state = { health: 'checking', clicks: 0 };

/** @param {Partial<typeof state>} patch */
function setState(patch) {
  Object.assign(state, patch);
  render();
}

function HealthBadge() {
  const label = { checking: 'Checking…', ok: 'Healthy', down: 'Unreachable' }[
    state.health
  ];
  return h(
    'span',
    { className: `badge badge-${state.health}`, role: 'status' },
    label,
  );
}

function Counter() {
  return h(
    'button',
    { type: 'button', onClick: () => setState({ clicks: state.clicks + 1 }) },
    `Clicked ${state.clicks} ${state.clicks === 1 ? 'time' : 'times'}`,
  );
}

function App() {
  const description =
    document
      .querySelector('meta[name="description"]')
      ?.getAttribute('content') ?? '';
  return h(
    'main',
    { className: 'app' },
    h('h1', null, APP_NAME),
    h('p', { className: 'lead' }, description),
    h('p', null, 'Server health: ', HealthBadge()),
    Counter(),
  );
}

function render() {
  const root = document.getElementById('root');
  if (root) root.replaceChildren(App());
}

async function checkHealth() {
  try {
    const res = await fetch('/healthz');
    setState({ health: res.ok ? 'ok' : 'down' });
  } catch {
    setState({ health: 'down' });
  }
}

render();
checkHealth();
