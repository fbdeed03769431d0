import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
/** The local SMTP server e2e/global-setup.ts starts: the app's mail goes through it. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 1000);

// The built app (`npm run build`) is served by `next start`, on the embedded database
// in a fresh folder, or on PostgreSQL when DATABASE_URL is set. Mail goes over SMTP to a
// server on localhost that the run starts (e2e/global-setup.ts).
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Journeys sign up (wait for the confirmation mail, then sign in) before they start: give a
  // busy 2-core machine room. Assertions are unchanged; only the patience is.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, grepInvert: /@alone/ },
    // Tests that time the server (known vs unknown addresses answer within ±10 %) run after the
    // rest, with nothing else running beside them: another worker's journey is noise they'd measure.
    { name: "alone", use: { ...devices["Desktop Chrome"], channel: undefined }, grep: /@alone/, dependencies: ["chromium"] },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      APP_URL: baseURL,
      AUTH_SECRET: "e2e-secret-that-is-long-enough-for-auth-js-0123456789",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // On PostgreSQL, E2E_DATABASE_APP_URL (set by .ci/run) is a login that owns nothing: the app
      // connects as it, and DATABASE_URL, the tables' owner, becomes its DATABASE_OWNER_URL.
      ...(process.env.DATABASE_URL
        ? process.env.E2E_DATABASE_APP_URL
          ? { DATABASE_URL: process.env.E2E_DATABASE_APP_URL, DATABASE_OWNER_URL: process.env.DATABASE_URL }
          : { DATABASE_URL: process.env.DATABASE_URL }
        : {}),
    },
  },
});
