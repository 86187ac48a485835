import { expect, test, waitForHydration } from "./fixtures";
import { adminEmail } from "./admin-state";
import { snap, unique } from "./helpers";

test("an administrator adds another, who can then sign in; the addition is in the change log", async ({ page, browser, baseURL }, testInfo) => {
  const email = `ops-${unique()}@arbor.test`;
  const password = `ops password ${unique()}`;
  await page.goto("/administrators");
  await expect(page.getByRole("heading", { level: 1, name: "Administrators" })).toBeVisible();
  const table = page.getByRole("table", { name: "Administrators" });
  await expect(table.getByRole("row", { name: new RegExp(`${adminEmail()} you`) })).toBeVisible();

  await page.getByRole("button", { name: "Add administrator" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Password").fill("too short");
  await dialog.getByRole("button", { name: "Add administrator" }).click();
  await expect(dialog.getByText("At least 12 characters", { exact: true })).toBeVisible();
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Add administrator" }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole("row", { name: new RegExp(email) })).toBeVisible();

  // The same email again, in other letters, is refused.
  await page.getByRole("button", { name: "Add administrator" }).click();
  await dialog.getByLabel("Email").fill(email.toUpperCase());
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Add administrator" }).click();
  await expect(dialog.getByText(`An administrator with email '${email}' already exists`)).toBeVisible();
  await snap(page, testInfo, "duplicate");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const other = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  await other.goto(`${baseURL}/administrators`);
  await waitForHydration(other);
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/administrators$/);
  await expect(other.getByTestId("signed-in-as")).toHaveText(email);
  await other.close();

  await page.goto(`/changes?entityType=admin&actor=${encodeURIComponent(`admin:${adminEmail()}`)}`);
  await expect(page.getByTestId("change").first()).toContainText(`by admin:${adminEmail()}`);
});
