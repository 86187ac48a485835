/**
 * Playwright's `test`, whose `page.goto` and `page.reload` return only once
 * the console has hydrated: a click on a server-rendered button before that
 * is lost, which made tests fail now and then on a busy machine.
 */
import { test as base, type Page } from "@playwright/test";

export * from "@playwright/test";

export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      await waitForHydration(page);
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await waitForHydration(page);
      return response;
    };
    await use(page);
  },
});
