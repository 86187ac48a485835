/**
 * Runs before the browser tests: signs in through the real form once and
 * keeps the session cookie, so every spec starts signed in.
 */
import { expect, test as setup } from "./fixtures";
import { ADMIN_STATE, adminEmail, adminPassword } from "./admin-state";

setup("the test administrator signs in through the form", async ({ page }) => {
  await page.goto("/types");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftypes$/);
  await page.getByLabel("Email").fill(adminEmail());
  await page.getByLabel("Password").fill(adminPassword());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/types\/scope_default$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(adminEmail());
  await page.context().storageState({ path: ADMIN_STATE });
});
