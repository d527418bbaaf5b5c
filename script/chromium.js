// Debian's Chromium as the browser tests launch it (Playwright never
// downloads a browser here): the journeys (playwright.config.ts) and the
// install check (script/install-check-browser.js).
'use strict';

module.exports = {
  executablePath:
    process.env.FLYWHEEL_CHROMIUM ??
    process.env.CHROME_PATH ??
    '/usr/bin/chromium',
  // Without these Chromium keeps calling home, which a closed network refuses.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
