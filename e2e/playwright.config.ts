/**
 * Browser tests of the console, in Debian's Chromium. `npm test -- browser`
 * starts the app and sets ARBOR_TEST_URL (and ARBOR_TEST_KEY for API set-up,
 * ARBOR_TEST_ADMIN_EMAIL / _PASSWORD for signing in). The "sign-in" project
 * signs in once through the form; the specs start with its cookies.
 */
import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { ADMIN_STATE } from "./console/admin-state";

const chromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./console",
  outputDir: "./artifacts",
  reporter: "list",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts$/ },
    { name: "console", dependencies: ["sign-in"], use: { storageState: ADMIN_STATE } },
  ],
  use: {
    baseURL: process.env.ARBOR_TEST_URL ?? "http://127.0.0.1:3000",
    screenshot: "on",
    launchOptions: {
      executablePath: fs.existsSync(chromium) ? chromium : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
