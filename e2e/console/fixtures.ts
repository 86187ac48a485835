/**
 * Playwright's `test`, whose `page.goto` and `page.reload` return only once
 * the console has hydrated: a click on a server-rendered button before that
 * is lost, which made tests fail now and then on a busy machine.
 */
import { test as base, type Page } from "@playwright/test";

export * from "@playwright/test";

/**
 * The root layout marks `<html data-hydrated>` as soon as it hydrates, but a
 * page behind a `loading.tsx` boundary hydrates in a later pass. So we also
 * wait until every control on the page carries React's props, which React
 * attaches to an element when it hydrates it.
 */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll("button, input:not([type=hidden]), select, textarea, a[href]")).every((element) =>
      Object.keys(element).some((key) => key.startsWith("__reactProps$")),
    ),
  );
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
