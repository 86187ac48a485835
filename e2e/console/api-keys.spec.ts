import { expect, test, type Page } from "./fixtures";
import { apiGet, newOrganization, snap, unique } from "./helpers";

const dialog = (page: Page) => page.getByRole("dialog");
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/** Creates a key in the open dialog and reads the secret it shows once. */
async function createInDialog(page: Page, submit: string) {
  await dialog(page).getByRole("button", { name: submit }).click();
  await expect(dialog(page).getByText("Store the secret now: it will not be shown again.")).toBeVisible();
  return dialog(page).getByLabel("Secret", { exact: true }).inputValue();
}

test("API keys: created with the secret shown once, used over HTTP, restricted and read-only, revoked at once", async ({ page, request, context }, testInfo) => {
  const s = unique();
  const org = await newOrganization(request, `Keys ${s}`);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/api-keys");
  const table = page.getByTestId("api-key-table");
  const row = (name: string) => table.getByRole("row").filter({ hasText: name });

  // An empty name is refused in the form, and nothing is created.
  const before = (await apiGet(request, "/api-keys")).data.length;
  await page.getByRole("button", { name: "New API key" }).click();
  await dialog(page).getByRole("button", { name: "Create API key" }).click();
  await expect(dialog(page).getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog(page).getByText("Required")).toBeVisible();
  await snap(page, testInfo, "empty-name");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  expect((await apiGet(request, "/api-keys")).data.length).toBe(before);

  // Created: the secret is shown once, with a copy button.
  await page.getByRole("button", { name: "New API key" }).click();
  await dialog(page).getByLabel("Name").fill(`ci-${s}`);
  const secret = await createInDialog(page, "Create API key");
  expect(secret).toMatch(/^arbor_sk_/);
  await dialog(page).getByRole("button", { name: "Copy secret" }).click();
  await expect(dialog(page).getByRole("button", { name: "Copy secret" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await snap(page, testInfo, "secret-once");
  await dialog(page).getByRole("button", { name: "Done" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(row(`ci-${s}`)).toContainText(`${secret.slice(0, 14)}…`);
  await expect(row(`ci-${s}`)).toContainText("All organizations");
  await expect(row(`ci-${s}`)).toContainText("read and write");
  await expect(row(`ci-${s}`)).toContainText("active");
  await expect(row(`ci-${s}`)).toContainText("never");
  expect(await page.content()).not.toContain(secret);

  // Opening the dialog again starts a fresh form: the secret is gone for good.
  await page.getByRole("button", { name: "New API key" }).click();
  await expect(dialog(page).getByLabel("Name")).toHaveValue("");
  await expect(dialog(page).getByLabel("Secret", { exact: true })).toHaveCount(0);
  await dialog(page).getByRole("button", { name: "Cancel" }).click();

  // It works over HTTP, and the table then shows when it was last used.
  expect((await request.get("/api/v1/resource-types", { headers: bearer(secret) })).status()).toBe(200);
  await page.reload();
  await expect(row(`ci-${s}`)).not.toContainText("never");

  // A read-only key restricted to one organization reads its organization and may not write.
  await page.getByRole("button", { name: "New API key" }).click();
  await dialog(page).getByLabel("Name").fill(`reader-${s}`);
  await dialog(page).getByLabel("Organization (optional)").selectOption(org.id);
  await dialog(page).getByRole("checkbox", { name: /Read-only/ }).check();
  const readOnly = await createInDialog(page, "Create API key");
  await dialog(page).getByRole("button", { name: "Done" }).click();
  await expect(row(`reader-${s}`)).toContainText(`Keys ${s}`);
  await expect(row(`reader-${s}`)).toContainText("read-only");
  expect((await request.get(`/api/v1/organizations/${org.id}`, { headers: bearer(readOnly) })).status()).toBe(200);
  const write = await request.post("/api/v1/resource-types", { headers: bearer(readOnly), data: { key: `doc-${s}`, name: "Document", scopeId: org.scopeId } });
  expect(write.status()).toBe(403);
  await snap(page, testInfo, "api-keys");

  // Revoked in the console: the very next request is refused, and the key stays listed as revoked.
  await row(`ci-${s}`).getByRole("button", { name: `Revoke API key ci-${s}` }).click();
  await expect(dialog(page).getByRole("heading", { name: `Revoke API key ci-${s}?` })).toBeVisible();
  await dialog(page).getByRole("button", { name: "Revoke" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(row(`ci-${s}`)).toContainText("revoked");
  await expect(row(`ci-${s}`).getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  expect((await request.get("/api/v1/resource-types", { headers: bearer(secret) })).status()).toBe(401);
  expect((await request.get(`/api/v1/organizations/${org.id}`, { headers: bearer(readOnly) })).status()).toBe(200);
  await snap(page, testInfo, "revoked");
});

test("access keys: the id and secret are shown once, the key is listed and revoked", async ({ page, request }, testInfo) => {
  const s = unique();
  const org = await newOrganization(request, `Signed ${s}`);
  await page.goto("/api-keys");
  await page.getByRole("navigation", { name: "Kinds of keys" }).getByRole("link", { name: /Access keys/ }).click();
  await expect(page).toHaveURL(/\/api-keys\/access-keys$/);
  const table = page.getByTestId("access-key-table");
  const row = (name: string) => table.getByRole("row").filter({ hasText: name });

  await page.getByRole("button", { name: "New access key" }).click();
  await dialog(page).getByLabel("Name").fill(`   `);
  await dialog(page).getByRole("button", { name: "Create access key" }).click();
  await expect(dialog(page).getByText("Required")).toBeVisible();
  await dialog(page).getByLabel("Name").fill(`sdk-${s}`);
  await dialog(page).getByLabel("Organization (optional)").selectOption(org.id);
  const secret = await createInDialog(page, "Create access key");
  const accessKeyId = await dialog(page).getByLabel("Access key id", { exact: true }).inputValue();
  expect(accessKeyId).toMatch(/^ak_/);
  expect(secret.length).toBeGreaterThanOrEqual(16);
  await expect(dialog(page).getByRole("button", { name: "Copy access key id" })).toBeVisible();
  await snap(page, testInfo, "access-key-once");
  await dialog(page).getByRole("button", { name: "Done" }).click();
  await expect(row(`sdk-${s}`)).toContainText(accessKeyId);
  await expect(row(`sdk-${s}`)).toContainText(`Signed ${s}`);
  await expect(row(`sdk-${s}`)).toContainText("active");
  expect(await page.content()).not.toContain(secret);

  await row(`sdk-${s}`).getByRole("button", { name: `Revoke access key sdk-${s}` }).click();
  await dialog(page).getByRole("button", { name: "Revoke" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(row(`sdk-${s}`)).toContainText("revoked");
  await snap(page, testInfo, "access-key-revoked");
});
