import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';

/** Replaces fetch for one test; vite.config.ts restores it afterwards (unstubGlobals). */
function stubHealthz(response: () => Promise<Response>) {
  const fetchMock = vi.fn(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const healthy = () =>
  Promise.resolve(new Response('{"status":"ok"}', { status: 200 }));

describe('App', () => {
  it('shows the app name as the page heading, and the description', () => {
    stubHealthz(healthy);
    render(<App name="my-app" description="Sells socks" />);

    expect(
      screen.getByRole('heading', { level: 1, name: 'my-app' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Sells socks')).toBeInTheDocument();
  });

  it('reports a healthy server once /healthz answers', async () => {
    const fetchMock = stubHealthz(healthy);
    render(<App name="my-app" />);

    expect(screen.getByRole('status')).toHaveTextContent('Checking…');
    expect(await screen.findByText('Healthy')).toHaveClass('badge-ok');
    expect(fetchMock).toHaveBeenCalledWith('/healthz', expect.anything());
  });

  it('reports an unreachable server when /healthz fails', async () => {
    stubHealthz(() => Promise.reject(new TypeError('Failed to fetch')));
    render(<App name="my-app" />);

    expect(await screen.findByText('Unreachable')).toHaveClass('badge-down');
  });

  it('counts clicks on the button', async () => {
    stubHealthz(healthy);
    const user = userEvent.setup();
    render(<App name="my-app" />);

    const button = screen.getByRole('button', { name: 'Clicked 0 times' });
    await user.click(button);
    expect(button).toHaveAccessibleName('Clicked 1 time');
    await user.click(button);
    expect(button).toHaveAccessibleName('Clicked 2 times');
  });

  it('can be used with the keyboard alone', async () => {
    stubHealthz(healthy);
    const user = userEvent.setup();
    render(<App name="my-app" />);

    await user.tab();
    const button = screen.getByRole('button');
    expect(button).toHaveFocus();
    await user.keyboard('[Enter]');
    await user.keyboard('[Space]');
    expect(button).toHaveAccessibleName('Clicked 2 times');
  });
});
