import { expect, test, type Page } from "./fixtures";
import { apiGet, apiPost, issueWorld, newOrganization, pickResource, snap, unique } from "./helpers";

const dialog = (page: Page) => page.getByRole("dialog");

test("the tree: lazy branches with counts, keyboard navigation, search that reveals the path, edit", async ({ page, request }, testInfo) => {
  const world = await issueWorld(request);
  const tree = page.getByRole("tree");
  await page.goto(`/resources/${world.org.id}`);
  await expect(tree.getByRole("treeitem", { name: "Apollo (project)" })).toBeVisible();
  // Branches load when opened: the epic is not in the page until Apollo is.
  await expect(tree.getByRole("treeitem", { name: "Login epic (epic)" })).toHaveCount(0);
  await expect(tree.getByRole("treeitem", { name: "Apollo (project)" })).toHaveAttribute("aria-expanded", "false");

  // Keyboard: focus the tree, move down to Apollo, open it, step in, open the epic, select the issue.
  await tree.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await expect(tree.getByRole("treeitem", { name: "Apollo (project)" })).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("treeitem", { name: "Login epic (epic)" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(tree.getByRole("treeitem", { name: "Login bug (issue)" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(tree).toHaveAttribute("aria-activedescendant", /.+/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Login bug" })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "Login bug (issue)" })).toHaveAttribute("aria-selected", "true");
  // Left steps back to the parent, and closes it on a second press.
  await tree.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(tree.getByRole("treeitem", { name: "Login epic (epic)" })).toHaveAttribute("aria-expanded", "false");

  // Search by external id: each hit shows its path; picking one opens it in the tree.
  await page.goto(`/resources/${world.org.id}`);
  await page.getByLabel("Search resources").fill("login-bug");
  const hit = page.getByRole("button", { name: /Login bug/ });
  await expect(hit).toContainText(`Issues ${world.s} › Apollo › Login epic`);
  await snap(page, testInfo, "search-hit");
  await hit.click();
  await expect(page.getByRole("heading", { level: 1, name: "Login bug" })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "Login bug (issue)" })).toHaveAttribute("aria-selected", "true");
  await expect(tree.getByRole("treeitem", { name: "Login epic (epic)" })).toHaveAttribute("aria-expanded", "true");

  // The page: path, attributes, inherited grants linking to their source.
  await expect(page.getByRole("navigation", { name: "Path" }).getByRole("listitem")).toHaveText([`Issues ${world.s}`, "Apollo", "Login epic", "Login bug"]);
  await expect(page.getByTestId("direct-grants")).toContainText("No grants on this resource itself.");
  const inherited = page.getByTestId("inherited-grants");
  await expect(inherited.getByRole("row", { name: /Editors/ })).toContainText("editor");
  await inherited.getByRole("link", { name: "Apollo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apollo" })).toBeVisible();
  await expect(page.getByTestId("direct-grants")).toContainText("Editors");
  await expect(page.getByRole("table", { name: "Children" })).toContainText("Login epic");

  // Edit a name: the tree shows the new one.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await dialog(page).getByLabel("Name", { exact: true }).fill("Apollo programme");
  await dialog(page).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apollo programme" })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "Apollo programme (project)" })).toBeVisible();
  await snap(page, testInfo, "resource-page");
});

test("cascade delete: the confirmation counts the resources below and the grants, then all of them go", async ({ page, request }, testInfo) => {
  const world = await issueWorld(request);
  await world.resource("issue", "signup-bug", "Signup bug", world.epic.id);
  await apiPost(request, "/grants", { subject: world.alice.id, actions: ["read"], resource: world.epic.id, organization: world.org.id });
  const other = await world.resource("project", "hermes", "Hermes");

  await page.goto(`/resources/${world.org.id}/${world.apollo.id}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const consequences = dialog(page).getByTestId("delete-consequences");
  await expect(consequences).toContainText("This deletes Apollo, 3 resources below it and 2 grants on them.");
  await snap(page, testInfo, "delete-confirmation");
  await dialog(page).getByRole("button", { name: "Delete 4 resources" }).click();

  await expect(page).toHaveURL(new RegExp(`/resources/${world.org.id}/${world.org.rootResourceId}$`));
  const tree = page.getByRole("tree");
  await expect(tree.getByRole("treeitem", { name: "Hermes (project)" })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "Apollo (project)" })).toHaveCount(0);
  for (const id of [world.apollo.id, world.epic.id, world.issue.id]) {
    expect((await request.get(`/api/v1/resources/${id}`, { headers: { authorization: `Bearer ${process.env.ARBOR_TEST_KEY}` } })).status()).toBe(404);
  }
  const grants = await apiGet(request, `/grants?organization=${world.org.id}`);
  expect(grants.data).toHaveLength(0);
  expect((await apiGet(request, `/resources/${other.id}`)).name).toBe("Hermes");
});

test("invalid forms show field errors where they occur and save nothing: bad key, duplicate external id, cycle and hierarchy by move", async ({ page, request }, testInfo) => {
  const world = await issueWorld(request);
  const changes = async () => (await apiGet(request, `/changes?organizationId=${world.org.id}&limit=1000`)).data.length;

  // A bad resource type key, in the organization's definitions.
  await page.goto(`/types/${world.org.scopeId}`);
  await page.getByRole("button", { name: "New resource type" }).click();
  await dialog(page).getByLabel("Key").fill("Bad Key!");
  await dialog(page).getByLabel("Name", { exact: true }).fill("Bad");
  await dialog(page).getByRole("button", { name: "Create resource type" }).click();
  await expect(dialog(page).getByLabel("Key")).toHaveAttribute("aria-invalid", "true");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("resource-type-table")).not.toContainText("Bad Key!");

  const before = await changes();

  // A duplicate external id: the server's refusal appears under External id; nothing is created.
  await page.goto(`/resources/${world.org.id}/${world.epic.id}`);
  await page.getByRole("button", { name: "New child" }).click();
  await dialog(page).getByLabel("Type").selectOption("issue");
  await dialog(page).getByLabel("External id").fill("login-bug");
  await dialog(page).getByLabel("Name", { exact: true }).fill("Another login bug");
  await dialog(page).getByRole("button", { name: "Create resource" }).click();
  const externalId = dialog(page).getByLabel("External id");
  await expect(externalId).toHaveAttribute("aria-invalid", "true");
  await expect(dialog(page)).toContainText("a 'issue' with external id 'login-bug' already exists in this organization");
  await snap(page, testInfo, "duplicate-external-id");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Children (1)" })).toBeVisible();

  // Moving the project under its own epic would close a cycle.
  await page.goto(`/resources/${world.org.id}/${world.apollo.id}`);
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await pickResource(dialog(page), "New parent", "Login epic", /Login epic/);
  await dialog(page).getByRole("button", { name: "Move", exact: true }).click();
  const picker = dialog(page).getByRole("group", { name: "New parent" });
  await expect(picker).toHaveAttribute("aria-invalid", "true");
  await expect(picker).toContainText("is the resource itself or inside its subtree");
  await snap(page, testInfo, "cycle-by-move");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();

  // Moving the epic to the top of the organization breaks the type hierarchy: the domain names the allowed parents.
  await page.goto(`/resources/${world.org.id}/${world.epic.id}`);
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await pickResource(dialog(page), "New parent", `Issues ${world.s}`, new RegExp(`Issues ${world.s}`));
  await dialog(page).getByRole("button", { name: "Move", exact: true }).click();
  await expect(dialog(page).getByRole("group", { name: "New parent" })).toContainText("a 'epic' cannot be placed under a 'organization' (allowed parents: 'project')");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();

  // A grant form with a condition that is not a number: the builder's row says so; nothing is sent.
  await page.getByRole("button", { name: "Grant access" }).click();
  await dialog(page).getByRole("combobox", { name: "Subject" }).fill("Editors");
  await dialog(page).getByRole("option", { name: /^group Editors/ }).click();
  await dialog(page).getByRole("button", { name: "Add condition" }).click();
  const row = dialog(page).getByRole("group", { name: "Condition 1" });
  await row.getByLabel("Parameter").fill("level");
  await row.getByLabel("Operator").selectOption("NumericGreaterThan");
  await row.getByLabel("Value").fill("high");
  await dialog(page).getByRole("button", { name: "Save grant" }).click();
  await expect(row).toContainText("A number");
  await snap(page, testInfo, "condition-error");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();

  // Nothing above reached the change log.
  expect(await changes()).toBe(before);
  await page.goto(`/resources/${world.org.id}/${world.apollo.id}`);
  await expect(page.getByRole("navigation", { name: "Path" }).getByRole("listitem")).toHaveText([`Issues ${world.s}`, "Apollo"]);
  await expect(page.getByTestId("direct-grants").getByRole("row")).toHaveCount(2);
});

test("a new organization starts with just its root; its first resource appears in the tree at once", async ({ page, request }) => {
  const org = await newOrganization(request, `Empty ${unique()}`);
  await apiPost(request, "/resource-types", { key: `shelf-${org.externalId}`, name: "Shelf", scopeId: org.scopeId });
  await page.goto(`/resources/${org.id}`);
  await expect(page.getByRole("heading", { name: "Children (0)" })).toBeVisible();
  await expect(page.getByText("Nothing below this resource yet.")).toBeVisible();
  await page.getByRole("button", { name: "New child" }).click();
  await dialog(page).getByLabel("Type").selectOption(`shelf-${org.externalId}`);
  await dialog(page).getByLabel("External id").fill("s1");
  await dialog(page).getByLabel("Name", { exact: true }).fill("First shelf");
  await dialog(page).getByRole("button", { name: "Create resource" }).click();
  await expect(page.getByRole("tree").getByRole("treeitem", { name: `First shelf (shelf-${org.externalId})` })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tree").getByRole("treeitem", { name: `${org.name} (organization)` })).toHaveAttribute("aria-expanded", "true");
});
