import { expect, test, type Page } from "./fixtures";
import { apiPost, issueWorld, newOrganization, pickSubject, snap, unique } from "./helpers";
import { adminEmail } from "./admin-state";

const dialog = (page: Page) => page.getByRole("dialog");

test("groups nest, departments form a tree, users join organizations", async ({ page, request }, testInfo) => {
  const s = unique();
  const org = await newOrganization(request, `People ${s}`);
  const carol = await apiPost(request, "/users", { externalId: `carol-${s}`, name: `Carol ${s}`, email: `carol-${s}@example.com` });

  // Two groups, one inside the other, and a user in the inner one.
  for (const name of ["Engineering", "Platform"]) {
    await page.goto(`/subjects/groups?org=${org.id}`);
    await page.getByRole("button", { name: "New group" }).click();
    await dialog(page).getByLabel("Name").fill(`${name} ${s}`);
    await dialog(page).getByRole("button", { name: "Create group" }).click();
    await expect(page.getByRole("heading", { name: `${name} ${s}` })).toBeVisible();
  }
  await page.getByRole("button", { name: "Add member" }).click();
  await pickSubject(dialog(page), "User or group", `Carol ${s}`, new RegExp(`^user Carol ${s}`));
  await dialog(page).getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("group-members")).toContainText(`Carol ${s}`);

  await page.goto(`/subjects/groups?org=${org.id}`);
  await page.getByRole("link", { name: `Engineering ${s}` }).click();
  await page.getByRole("button", { name: "Add member" }).click();
  await pickSubject(dialog(page), "User or group", `Platform ${s}`, new RegExp(`^group Platform ${s}`));
  await dialog(page).getByRole("button", { name: "Add" }).click();
  const members = page.getByTestId("group-members");
  await expect(members.getByRole("link", { name: `Platform ${s}` })).toBeVisible();
  // The nested group's own members show beneath it.
  await expect(members.getByRole("listitem").filter({ hasText: `Platform ${s}` }).getByRole("link", { name: `Carol ${s}` })).toBeVisible();

  // Adding Engineering into Platform would close a cycle: refused under the picker.
  await page.goto(`/subjects/groups?org=${org.id}`);
  await page.getByRole("link", { name: `Platform ${s}` }).click();
  await page.getByRole("button", { name: "Add member" }).click();
  await pickSubject(dialog(page), "User or group", `Engineering ${s}`, new RegExp(`^group Engineering ${s}`));
  await dialog(page).getByRole("button", { name: "Add" }).click();
  await expect(dialog(page)).toContainText("would form a cycle");
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await snap(page, testInfo, "group");

  // Departments: a top level and one below it, drawn as a tree.
  await page.goto(`/subjects/departments?org=${org.id}`);
  await page.getByRole("button", { name: "New department" }).click();
  await dialog(page).getByLabel("Name").fill("Company");
  await dialog(page).getByRole("button", { name: "Create department" }).click();
  await expect(page.getByRole("heading", { name: "Company" })).toBeVisible();
  await page.getByRole("button", { name: "New sub-department" }).click();
  await dialog(page).getByLabel("Name").fill("Research");
  await expect(dialog(page).getByLabel("Parent department")).toHaveValue(/dept_/);
  await dialog(page).getByRole("button", { name: "Create department" }).click();
  await expect(page.getByRole("heading", { name: "Research" })).toBeVisible();
  await page.getByRole("button", { name: "Add member" }).click();
  await pickSubject(dialog(page), "User", `Carol ${s}`, new RegExp(`^user Carol ${s}`));
  await dialog(page).getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("department-members")).toContainText(`Carol ${s}`);
  await page.getByRole("navigation", { name: "Path" }).getByRole("link", { name: "Company" }).click();
  await expect(page.getByText("No members.")).toBeVisible();
  await page.getByRole("link", { name: "Include sub-departments" }).click();
  await expect(page.getByTestId("department-members")).toContainText("in a sub-department");
  await page.goto(`/subjects/departments?org=${org.id}`);
  const departments = page.getByRole("list", { name: "Department tree" });
  await expect(departments.getByRole("listitem").filter({ hasText: "Company" }).getByRole("link", { name: "Research" })).toBeVisible();
  await snap(page, testInfo, "departments");

  // Membership in the organization.
  await page.goto(`/subjects/memberships?org=${org.id}`);
  await page.getByRole("button", { name: "Add member" }).click();
  await pickSubject(dialog(page), "User", `Carol ${s}`, new RegExp(`^user Carol ${s}`));
  await dialog(page).getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("table", { name: "Memberships" })).toContainText(`Carol ${s}`);
  await page.goto(`/subjects/users/${carol.id}`);
  await expect(page.getByRole("link", { name: `People ${s}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Platform ${s}` })).toBeVisible();
});

test("the change log shows actor, time, revision and a before/after diff, filtered by entity and actor", async ({ page, request }, testInfo) => {
  const actor = `admin:${adminEmail()}`;
  const world = await issueWorld(request);
  await page.goto(`/resources/${world.org.id}/${world.epic.id}`);
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await dialog(page).getByLabel("Name", { exact: true }).fill("Sign-in epic");
  await dialog(page).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in epic" })).toBeVisible();

  await page.getByRole("link", { name: "History of this resource" }).click();
  const entries = page.getByTestId("change");
  await expect(entries).toHaveCount(2);
  const update = entries.first();
  await expect(update).toContainText("update");
  await expect(update).toContainText(`by ${actor}`);
  await expect(update).toContainText(/r\d+/);
  await update.locator("summary").click();
  const changed = update.getByRole("row", { name: /^name \(changed\)/ });
  await expect(changed).toContainText("Login epic");
  await expect(changed).toContainText("Sign-in epic");
  await expect(entries.nth(1)).toContainText("create");
  await snap(page, testInfo, "change-diff");

  // Filter by actor: the API set-up wrote as the API key, the edit as the signed-in administrator.
  await page.goto("/changes");
  await page.getByLabel("Entity id").fill(world.epic.id);
  await page.getByLabel("Actor").fill(actor);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`actor=${encodeURIComponent(actor)}`));
  await expect(entries).toHaveCount(1);
  // A time window that ends before everything shows nothing; an impossible window is refused in the form.
  await page.getByLabel("Until").fill("2001-01-01T00:00");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No change matches these filters.")).toBeVisible();
  await page.getByLabel("From").fill("2002-01-01T00:00");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Must be after “From”")).toBeVisible();
});

test("demo data: one button loads a working organization", async ({ page }, testInfo) => {
  await page.goto("/resources");
  await page.getByRole("button", { name: "Load demo data" }).first().click();
  await expect(page).toHaveURL(/\/resources\/org_/, { timeout: 30_000 });
  const tree = page.getByRole("tree", { name: "Resources of Northwind Traders" });
  for (const name of ["Marketing (workspace)", "Engineering (workspace)", "Handbook (workspace)"]) {
    await expect(tree.getByRole("treeitem", { name })).toBeVisible();
  }
  await page.getByLabel("Search resources").fill("Service map");
  await page.getByRole("button", { name: /Service map/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Service map" })).toBeVisible();
  await expect(page.getByTestId("inherited-grants")).toContainText("Architecture");
  await expect(page.getByTestId("who-has-access")).toContainText("Bob Martin");
  await snap(page, testInfo, "demo");
  // Loading it again is refused: the button is gone once the demo organization exists.
  await page.goto("/resources");
  await expect(page.getByRole("button", { name: "Load demo data" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Northwind Traders/ })).toBeVisible();
});
