import { expect, test } from "./fixtures";
import { snap } from "./helpers";

test("the console opens on the type manager, with every area in the navigation", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/types\/scope_default$/);
  await expect(page.getByRole("heading", { level: 1, name: "Type manager" })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Console" });
  for (const area of ["Types", "Resources", "Users, groups, departments", "Grants", "Access checker", "Change log", "API keys", "API reference"]) {
    await expect(nav.getByRole("link", { name: new RegExp(`^${area}`) })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: /^Types/ })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: /^API keys/ }).click();
  await expect(page).toHaveURL(/\/api-keys$/);
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New API key" })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^API keys/ })).toHaveAttribute("aria-current", "page");
  await snap(page, testInfo, "api-keys-page");
});

test("keyboard users can skip the navigation and reach the type manager's controls", async ({ page }) => {
  await page.goto("/types/scope_default");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Scope", { exact: true })).toBeFocused();

  // A dialog opened from the keyboard takes focus and gives it back on Escape.
  const button = page.getByRole("button", { name: "New resource type" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog").getByLabel("Key")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(button).toBeFocused();
});

test("the API reference lists every native endpoint from the OpenAPI document", async ({ page, request }, testInfo) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.ok()).toBeTruthy();
  const doc = await res.json();

  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("link", { name: "OpenAPI 3.1 document" })).toHaveAttribute("href", "/api/v1/openapi.json");

  const operations = page.getByTestId("api-operation");
  const expected = Object.values(doc.paths as Record<string, object>).reduce((n, methods) => n + Object.keys(methods).length, 0);
  await expect(operations).toHaveCount(expected);
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { summary: string }>>)) {
    for (const [method, op] of Object.entries(methods)) {
      await expect(operations.filter({ hasText: `/api/v1${path}` }).filter({ hasText: op.summary }).first()).toContainText(method);
    }
  }

  const createRole = operations.filter({ hasText: "Create a role" });
  await createRole.getByText("Request body").click();
  const slugRow = createRole.getByRole("row", { name: /^slug / });
  await expect(slugRow).toContainText("yes");
  await expect(slugRow).toContainText("matches ^[a-z0-9][a-z0-9_-]{0,63}$");
  await snap(page, testInfo, "api-reference");
});
