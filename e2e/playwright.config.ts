/**
 * Browser tests of the console, in Debian's Chromium. `npm test -- browser`
 * starts the app and sets ARBOR_TEST_URL (and ARBOR_TEST_KEY for API set-up).
 */
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const chromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./console",
  outputDir: "./artifacts",
  reporter: "list",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.ARBOR_TEST_URL ?? "http://127.0.0.1:3000",
    screenshot: "on",
    launchOptions: {
      executablePath: fs.existsSync(chromium) ? chromium : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
