import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';
import chromium from './script/chromium';

// Browser journeys of the example instance, run by script/e2e (called from
// script/test): it builds the app, starts the backend serving it on :7007 with
// app-config.e2e.yaml and points Playwright at Debian's Chromium. Playwright
// never downloads a browser here.

export default defineConfig({
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: '.cache/e2e-report.json' }],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
  projects: generateProjects().map(project => ({
    ...project,
    use: {
      browserName: 'chromium' as const,
      launchOptions: {
        executablePath: chromium.executablePath,
        args: chromium.args,
      },
    },
  })),
});
