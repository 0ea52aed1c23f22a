import { defineConfig } from '@playwright/test';

// The release build (dist/) served on 127.0.0.1 with the public contract's
// Content-Security-Policy, in Debian's Chromium.
const PORT = Number(process.env.RIFT_TEST_PORT ?? 8091);

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  // One browser at a time: on two cores, parallel software-rendered Chromiums
  // starve each other's animation frames and make timing-based checks flaky.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    viewport: { width: 1280, height: 800 },
  },
  webServer: {
    command: `node serve.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
