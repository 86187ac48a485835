import { expect, test, type Locator, type Page } from "./fixtures";
import { apiPost, newScope, snap, unique } from "./helpers";

const dialog = (page: Page) => page.getByRole("dialog");

async function createTypeInUi(page: Page, key: string, name: string) {
  await page.getByRole("button", { name: "New resource type" }).click();
  await dialog(page).getByLabel("Key").fill(key);
  await dialog(page).getByLabel("Name", { exact: true }).fill(name);
  await dialog(page).getByRole("button", { name: "Create resource type" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByTestId("resource-type-table").getByRole("row", { name: new RegExp(key) })).toBeVisible();
}

test("the scope picker creates a child scope and opens it", async ({ page }, testInfo) => {
  const id = `scope_ui_${unique()}`;
  const name = `Team ${id.slice(-6)}`;
  await page.goto("/types");
  await expect(page).toHaveURL(/\/types\/scope_default$/);

  await page.getByRole("button", { name: "New child scope" }).click();
  await expect(dialog(page).getByRole("heading", { name: "New scope under Default" })).toBeVisible();
  await dialog(page).getByLabel("Id (optional)").fill("not-a-scope-id");
  await dialog(page).getByRole("button", { name: "Create scope" }).click();
  await expect(dialog(page).getByText("Required")).toBeVisible();
  await expect(dialog(page).getByText("must look like scope_")).toBeVisible();

  await dialog(page).getByLabel("Name").fill(name);
  await dialog(page).getByLabel("Id (optional)").fill(id);
  await dialog(page).getByRole("button", { name: "Create scope" }).click();
  await expect(page).toHaveURL(new RegExp(`/types/${id}$`));
  await expect(page.getByLabel("Scope", { exact: true })).toHaveValue(id);
  const path = page.getByRole("list", { name: "Scope path" }).getByRole("listitem");
  await expect(path).toHaveText(["Default", name]);
  await expect(page.getByTestId("resource-type-table")).toContainText("organization");
  await expect(page.getByTestId("resource-type-table")).toContainText("inherited from Default");

  // Creating the same id again is refused by the server, and the message lands on the Id field.
  await page.getByRole("button", { name: "New child scope" }).click();
  await dialog(page).getByLabel("Name").fill("Again");
  await dialog(page).getByLabel("Id (optional)").fill(id);
  await dialog(page).getByRole("button", { name: "Create scope" }).click();
  await expect(dialog(page).getByText(`scope '${id}' already exists`)).toBeVisible();
  await snap(page, testInfo, "scope-duplicate-id");
});

test("resource types: field errors from zod and from the server, edit, filter and sort", async ({ page, request }, testInfo) => {
  const s = unique();
  const scopeId = await newScope(request, `Types ${s}`);
  await page.goto(`/types/${scopeId}`);

  await page.getByRole("button", { name: "New resource type" }).click();
  await dialog(page).getByLabel("Key").fill("Documents");
  await dialog(page).getByLabel("Name", { exact: true }).fill("Documents");
  await dialog(page).getByRole("button", { name: "Create resource type" }).click();
  const key = dialog(page).getByLabel("Key");
  await expect(key).toHaveAttribute("aria-invalid", "true");
  await expect(dialog(page).getByText("must be lowercase and singular")).toBeVisible();
  await snap(page, testInfo, "type-key-error");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();

  await createTypeInUi(page, `doc-${s}`, "Document");
  await createTypeInUi(page, `folder-${s}`, "Folder");
  await createTypeInUi(page, `board-${s}`, "Board");

  // A duplicate passes zod but the domain refuses it: the server's message appears under Key.
  await page.getByRole("button", { name: "New resource type" }).click();
  await dialog(page).getByLabel("Key").fill(`doc-${s}`);
  await dialog(page).getByLabel("Name", { exact: true }).fill("Again");
  await dialog(page).getByRole("button", { name: "Create resource type" }).click();
  await expect(dialog(page).getByText(`resource type key 'doc-${s}' is already defined`)).toBeVisible();
  await expect(dialog(page).getByLabel("Key")).toHaveAttribute("aria-invalid", "true");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();

  const table = page.getByTestId("resource-type-table");
  await table.getByRole("button", { name: `Edit resource type folder-${s}` }).click();
  await dialog(page).getByLabel("Name", { exact: true }).fill("");
  await dialog(page).getByRole("button", { name: "Save" }).click();
  await expect(dialog(page).getByText("Required")).toBeVisible();
  await dialog(page).getByLabel("Name", { exact: true }).fill("Binder");
  await dialog(page).getByLabel("Description (optional)").fill("Holds documents");
  await dialog(page).getByRole("button", { name: "Save" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(table.getByRole("row", { name: new RegExp(`folder-${s}`) })).toContainText("Binder");
  await expect(table.getByRole("row", { name: new RegExp(`folder-${s}`) })).toContainText("Holds documents");

  await page.getByLabel("Filter resource types").fill(`-${s}`);
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(page).toHaveURL(new RegExp(`q=-${s}`));
  const keyHeader = table.getByRole("columnheader", { name: /Key/ });
  await expect(keyHeader).toHaveAttribute("aria-sort", "ascending");
  await keyHeader.getByRole("button").click();
  await expect(keyHeader).toHaveAttribute("aria-sort", "descending");
  await expect(table.getByRole("row").nth(1)).toContainText(`folder-${s}`);
  await expect(page).toHaveURL(/sort=key\.desc/);

  // The filter and sort come back from the address bar.
  await page.reload();
  await expect(page.getByLabel("Filter resource types")).toHaveValue(`-${s}`);
  await expect(table.getByRole("row").nth(1)).toContainText(`folder-${s}`);
  await snap(page, testInfo, "types-filtered");
});

test("hierarchy rules are added in a form and drawn as a graph", async ({ page, request }, testInfo) => {
  const s = unique();
  const scopeId = await newScope(request, `Hierarchy ${s}`);
  await apiPost(request, "/resource-types/batch", [
    { key: `space-${s}`, name: "Space", scopeId },
    { key: `folder-${s}`, name: "Folder", scopeId },
    { key: `doc-${s}`, name: "Document", scopeId },
  ]);
  await page.goto(`/types/${scopeId}/hierarchy`);

  const addRule = async (parent: string, child: string) => {
    await page.getByRole("button", { name: "New hierarchy rule" }).click();
    await chooseType(dialog(page).getByLabel("Parent type"), parent);
    await chooseType(dialog(page).getByLabel("Child type"), child);
    await dialog(page).getByRole("button", { name: "Add rule" }).click();
    await expect(dialog(page)).toBeHidden();
  };

  // Submitting with no types chosen shows the required errors on both fields.
  await page.getByRole("button", { name: "New hierarchy rule" }).click();
  await dialog(page).getByRole("button", { name: "Add rule" }).click();
  await expect(dialog(page).getByText("Required")).toHaveCount(2);
  await dialog(page).getByRole("button", { name: "Cancel" }).click();

  await addRule(`space-${s}`, `folder-${s}`);
  await addRule(`folder-${s}`, `folder-${s}`);
  await addRule(`folder-${s}`, `doc-${s}`);

  const graph = page.getByTestId("hierarchy-graph");
  await expect(graph).toBeVisible();
  for (const key of [`space-${s}`, `folder-${s}`, `doc-${s}`]) await expect(page.getByTestId(`hierarchy-node-${key}`)).toBeVisible();
  await expect(page.getByTestId(`hierarchy-edge-space-${s}-folder-${s}`)).toHaveCount(1);
  await expect(page.getByTestId(`hierarchy-edge-folder-${s}-folder-${s}`)).toHaveCount(1);
  await expect(page.getByTestId(`hierarchy-edge-folder-${s}-doc-${s}`)).toHaveCount(1);
  // Rows go top-down: the space above the folder above the document.
  const y = async (key: string) => Number(await page.getByTestId(`hierarchy-node-${key}`).locator("rect").getAttribute("y"));
  expect(await y(`space-${s}`)).toBeLessThan(await y(`folder-${s}`));
  expect(await y(`folder-${s}`)).toBeLessThan(await y(`doc-${s}`));

  const rules = page.getByTestId("rule-table");
  await expect(rules.getByRole("row", { name: new RegExp(`^folder-${s} folder-${s} self-nesting`) })).toBeVisible();

  // The same rule twice is refused by the domain; the message names the child type field.
  await addRuleExpectingError(page, `folder-${s}`, `doc-${s}`, "may already be placed under");
  await snap(page, testInfo, "hierarchy-graph");

  await rules.getByRole("button", { name: `Delete rule space-${s} → folder-${s}` }).click();
  await dialog(page).getByRole("button", { name: "Delete" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByTestId(`hierarchy-edge-space-${s}-folder-${s}`)).toHaveCount(0);
});

async function addRuleExpectingError(page: Page, parent: string, child: string, message: string) {
  await page.getByRole("button", { name: "New hierarchy rule" }).click();
  await chooseType(dialog(page).getByLabel("Parent type"), parent);
  const childSelect = dialog(page).getByLabel("Child type");
  await chooseType(childSelect, child);
  await dialog(page).getByRole("button", { name: "Add rule" }).click();
  await expect(dialog(page).getByText(message)).toBeVisible();
  await expect(childSelect).toHaveAttribute("aria-invalid", "true");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
}

/** Type options read "key (Name)"; pick one by its key. */
async function chooseType(select: Locator, key: string) {
  const labels = await select.locator("option").allTextContents();
  await select.selectOption({ index: labels.findIndex((label) => label.startsWith(`${key} (`)) });
}

test("permissions are created per type and shown in the action matrix", async ({ page, request }, testInfo) => {
  const s = unique();
  const scopeId = await newScope(request, `Permissions ${s}`);
  await apiPost(request, "/resource-types", { key: `report-${s}`, name: "Report", scopeId });
  await page.goto(`/types/${scopeId}/permissions`);

  const create = async (action: string, pattern?: string) => {
    await page.getByRole("button", { name: "New permission" }).click();
    await dialog(page).getByLabel("Resource type").selectOption(`report-${s}`);
    await dialog(page).getByLabel("Action").fill(action);
    if (pattern) await dialog(page).getByLabel("Resource pattern").fill(pattern);
  };

  await create("bad action");
  await dialog(page).getByRole("button", { name: "Create permission" }).click();
  await expect(dialog(page).getByText("must start with a letter")).toBeVisible();
  await dialog(page).getByLabel("Action").fill("read");
  await expect(dialog(page).getByText(`report-${s}:read:*`)).toBeVisible();
  await dialog(page).getByRole("button", { name: "Create permission" }).click();
  await expect(dialog(page)).toBeHidden();

  await create("approve", "q1:*");
  await dialog(page).getByRole("button", { name: "Create permission" }).click();
  await expect(dialog(page)).toBeHidden();

  const table = page.getByTestId("permission-table");
  await expect(table.getByRole("row", { name: new RegExp(`report-${s}:read:\\*`) })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(`report-${s}:approve:q1:\\*`) })).toBeVisible();

  const matrixRow = page.getByTestId("action-matrix").getByRole("row", { name: new RegExp(`report-${s}`) });
  await expect(matrixRow).toContainText("✓");
  await expect(matrixRow).toContainText("1 pattern");

  await table.getByRole("button", { name: `Edit permission report-${s}:read:*` }).click();
  await dialog(page).getByLabel("Label (optional)").fill("Read reports");
  await dialog(page).getByRole("button", { name: "Save" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(table.getByRole("row", { name: new RegExp(`report-${s}:read:\\*`) })).toContainText("Read reports");
  await snap(page, testInfo, "permissions");
});

test("a role's permissions are set in the role × permission matrix", async ({ page, request }, testInfo) => {
  const s = unique();
  const scopeId = await newScope(request, `Roles ${s}`);
  await apiPost(request, "/resource-types", { key: `doc-${s}`, name: "Document", scopeId });
  await apiPost(
    request,
    "/permissions/batch",
    ["read", "update"].map((action) => ({ scopeId, action, resourceType: `doc-${s}` })),
  );
  await apiPost(request, "/roles", { slug: `viewer-${s}`, name: "Viewer", scopeId, permissions: [`doc-${s}:read`] });
  // Other test files fill the root scope, whose roles this scope inherits: filter to this test's own.
  await page.goto(`/types/${scopeId}/roles?q=${s}`);

  await page.getByRole("button", { name: "New role" }).click();
  await dialog(page).getByLabel("Slug").fill("Editor!");
  await dialog(page).getByLabel("Name", { exact: true }).fill("Editor");
  await dialog(page).getByRole("button", { name: "Create role" }).click();
  await expect(dialog(page).getByText("lowercase letters, digits")).toBeVisible();
  await dialog(page).getByLabel("Slug").fill(`editor-${s}`);
  await dialog(page).getByRole("checkbox", { name: `viewer-${s}` }).check();
  await dialog(page).getByRole("button", { name: "Create role" }).click();
  await expect(dialog(page)).toBeHidden();

  const roles = page.getByTestId("role-table");
  const editorRow = roles.getByRole("row", { name: new RegExp(`^editor-${s} `) });
  await expect(editorRow).toContainText(`viewer-${s}`);

  const matrix = page.getByTestId("role-permission-matrix");
  const update = matrix.getByRole("checkbox", { name: `editor-${s}: doc-${s}:update:*` });
  await expect(update).not.toBeChecked();
  // Read comes to the editor through the viewer it includes.
  await expect(matrix.getByRole("row", { name: new RegExp(`editor-${s}`) })).toContainText(`through viewer-${s}`);
  await update.check();
  await expect(update).toBeChecked();
  await expect(editorRow.getByRole("cell").nth(3)).toHaveText("1");
  await snap(page, testInfo, "role-matrix");

  await page.reload();
  await expect(matrix.getByRole("checkbox", { name: `editor-${s}: doc-${s}:update:*` })).toBeChecked();
  await matrix.getByRole("checkbox", { name: `viewer-${s}: doc-${s}:read:*` }).uncheck();
  // The box flips at once; the role table's count changes only once the server has saved.
  await expect(roles.getByRole("row", { name: new RegExp(`^viewer-${s} `) }).getByRole("cell").nth(3)).toHaveText("0");
  await page.reload();
  await expect(matrix.getByRole("checkbox", { name: `viewer-${s}: doc-${s}:read:*` })).not.toBeChecked();
  await expect(roles.getByRole("row", { name: new RegExp(`^viewer-${s} `) }).getByRole("cell").nth(3)).toHaveText("0");

  // A role another role includes cannot go: the refusal says which role includes it.
  await roles.getByRole("button", { name: `Delete role viewer-${s}` }).click();
  await dialog(page).getByRole("button", { name: "Delete" }).click();
  await expect(dialog(page).getByRole("alert")).toContainText(`is included by editor-${s}`);
});

test("a starter template is applied in one click", async ({ page, request }, testInfo) => {
  const scopeId = await newScope(request, `Template ${unique()}`);
  await page.goto(`/types/${scopeId}/templates`);
  const card = page.getByTestId("template-issue-tracking");
  await card.getByRole("button", { name: /Apply Issue tracking/ }).click();
  await expect(card.getByRole("status")).toContainText(/Created|Nothing new/);
  await snap(page, testInfo, "template-applied");

  const table = page.getByTestId("resource-type-table");
  for (const key of ["project", "epic", "issue", "sprint", "label"]) {
    // Filtered, because the root scope this one inherits from holds other tests' types too.
    await page.goto(`/types/${scopeId}?q=${key}`);
    await expect(table.getByRole("row", { name: new RegExp(`^${key} `) })).toBeVisible();
  }
  await page.getByRole("link", { name: "Hierarchy" }).click();
  await expect(page.getByTestId("hierarchy-edge-epic-issue")).toHaveCount(1);
  await page.goto(`/types/${scopeId}/permissions?q=issue:update`);
  await expect(page.getByTestId("permission-table")).toContainText("issue:update:*");

  // Applying again adds nothing.
  await page.getByRole("link", { name: "Templates" }).click();
  await card.getByRole("button", { name: /Apply Issue tracking/ }).click();
  await expect(card.getByRole("status")).toContainText("Nothing new");
});

test("deleting a type that is still used is refused with what uses it", async ({ page, request }, testInfo) => {
  const s = unique();
  const scopeId = await newScope(request, `Delete ${s}`);
  await apiPost(request, "/resource-types", { key: `ticket-${s}`, name: "Ticket", scopeId });
  await apiPost(request, "/permissions", { scopeId, action: "close", resourceType: `ticket-${s}` });
  await page.goto(`/types/${scopeId}?q=ticket-${s}`);
  const table = page.getByTestId("resource-type-table");

  await table.getByRole("button", { name: `Delete resource type ticket-${s}` }).click();
  await expect(dialog(page)).toContainText("This cannot be undone.");
  await dialog(page).getByRole("button", { name: "Delete" }).click();
  const refusal = dialog(page).getByRole("alert");
  await expect(refusal).toContainText(`resource type 'ticket-${s}' is still used by permissions (e.g. 'ticket-${s}:close:*')`);
  await snap(page, testInfo, "delete-refused");
  await dialog(page).getByRole("button", { name: "Close", exact: true }).click();
  await expect(table.getByRole("row", { name: new RegExp(`ticket-${s}`) })).toBeVisible();

  // Once the permission is gone, the type can go too.
  await page.goto(`/types/${scopeId}/permissions?q=ticket-${s}`);
  await page.getByTestId("permission-table").getByRole("button", { name: `Delete permission ticket-${s}:close:*` }).click();
  await dialog(page).getByRole("button", { name: "Delete" }).click();
  await expect(dialog(page)).toBeHidden();
  // The filtered table's empty state repeats the filter text, so look for the row's own button.
  await expect(page.getByTestId("permission-table").getByRole("button", { name: `Delete permission ticket-${s}:close:*` })).toHaveCount(0);

  await page.goto(`/types/${scopeId}?q=ticket-${s}`);
  await table.getByRole("button", { name: `Delete resource type ticket-${s}` }).click();
  await dialog(page).getByRole("button", { name: "Delete" }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(table.getByRole("button", { name: `Delete resource type ticket-${s}` })).toHaveCount(0);
});

test("long tables page, and the page is kept in the address bar", async ({ page, request }) => {
  const scopeId = await newScope(request, `Paging ${unique()}`);
  await apiPost(request, "/templates/content-management/apply", { scopeId });
  await apiPost(request, "/templates/issue-tracking/apply", { scopeId });
  await page.goto(`/types/${scopeId}/hierarchy`);

  const rules = page.getByTestId("rule-table");
  const pages = page.getByRole("navigation", { name: "hierarchy rules pages" });
  await expect(rules.getByRole("row")).toHaveCount(11);
  await expect(pages).toContainText(/Page 1 of \d/);
  await expect(pages.getByRole("button", { name: "Previous" })).toBeDisabled();
  await pages.getByRole("button", { name: "Next" }).click();
  await expect(pages).toContainText("Page 2 of");
  await expect(page).toHaveURL(/page=2/);

  await page.reload();
  await expect(pages).toContainText("Page 2 of");
  await pages.getByLabel("Rows per page").selectOption("25");
  await expect(page).toHaveURL(/size=25/);
  await expect(pages).toContainText("Page 1 of");
  expect(await rules.getByRole("row").count()).toBeGreaterThanOrEqual(16);
});
