import { expect, test, type Page } from "./fixtures";
import { apiPost, issueWorld, pickResource, pickSubject, snap, unique } from "./helpers";

const dialog = (page: Page) => page.getByRole("dialog");

async function createChild(page: Page, type: string, externalId: string, name: string) {
  await page.getByRole("button", { name: "New child" }).click();
  await dialog(page).getByLabel("Type").selectOption(type);
  await dialog(page).getByLabel("External id").fill(externalId);
  await dialog(page).getByLabel("Name", { exact: true }).fill(name);
  await dialog(page).getByRole("button", { name: "Create resource" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("template, organization → project → epic → issue, a group editor on the project: the checker says its member may edit the issue, and shows the path", async ({ page, request }, testInfo) => {
  const s = unique();

  // A new organization, from the console.
  await page.goto("/resources");
  await page.getByRole("button", { name: "New organization" }).click();
  await dialog(page).getByLabel("Name").fill(`Tracker ${s}`);
  await dialog(page).getByLabel("External id (optional)").fill(`tracker-${s}`);
  await dialog(page).getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/resources\/org_[0-9A-Z]+$/);
  const orgId = page.url().split("/").pop()!;

  // The issue-tracking template, applied to the organization's own scope.
  await page.getByRole("link", { name: "Definitions" }).click();
  await page.getByRole("link", { name: "Templates" }).click();
  const card = page.getByTestId("template-issue-tracking");
  await card.getByRole("button", { name: /Apply Issue tracking/ }).click();
  await expect(card.getByRole("status")).toContainText("Created 5 resource types");
  await apiPost(request, "/roles", { slug: "editor", name: "Editor", scopeId: `scope_${orgId}`, permissions: ["project:read", "epic:read", "issue:read", "issue:update"] });

  // The tree: organization → project → epic → issue, each created under the one before.
  await page.goto(`/resources/${orgId}`);
  await createChild(page, "project", "apollo", "Apollo");
  await createChild(page, "epic", "login-epic", "Login epic");
  await createChild(page, "issue", "login-bug", "Login fails on Safari");
  const tree = page.getByRole("tree", { name: `Resources of Tracker ${s}` });
  for (const name of ["Apollo (project)", "Login epic (epic)", "Login fails on Safari (issue)"]) {
    await expect(tree.getByRole("treeitem", { name })).toBeVisible();
  }
  await expect(tree.getByRole("treeitem", { name: "Login fails on Safari (issue)" })).toHaveAttribute("aria-selected", "true");
  await snap(page, testInfo, "tree-built");

  // A group with a user in it.
  await page.goto("/subjects/users");
  await page.getByRole("button", { name: "New user" }).click();
  await dialog(page).getByLabel("Name (optional)").fill(`Alice ${s}`);
  await dialog(page).getByLabel("External id (optional)").fill(`alice-${s}`);
  await dialog(page).getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: `Alice ${s}` })).toBeVisible();
  await page.goto(`/subjects/groups?org=${orgId}`);
  await page.getByRole("button", { name: "New group" }).click();
  await dialog(page).getByLabel("Name").fill("Editors");
  await dialog(page).getByLabel("External id (optional)").fill("editors");
  await dialog(page).getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { name: "Editors" })).toBeVisible();

  // Grant the group "editor" on the project, from the project's page.
  await page.goto(`/resources/${orgId}`);
  await tree.getByRole("treeitem", { name: "Apollo (project)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apollo" })).toBeVisible();
  await page.getByRole("button", { name: "Grant access" }).click();
  await pickSubject(dialog(page), "Subject", "Editors", /^group Editors/);
  await dialog(page).getByLabel("Role", { exact: true }).selectOption("editor");
  await dialog(page).getByRole("button", { name: "Save grant" }).click();
  await expect(dialog(page).getByTestId("grant-effect")).toContainText("Who can act on Apollo now");
  await expect(dialog(page).getByTestId("grant-effect")).toContainText("Nobody");
  await dialog(page).getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("direct-grants")).toContainText("Editors");

  // Add the user to the group: now the project lists her among who has access.
  await page.goto(`/subjects/groups?org=${orgId}`);
  await page.getByRole("link", { name: "Editors" }).click();
  await page.getByRole("button", { name: "Add member" }).click();
  await pickSubject(dialog(page), "User or group", `Alice ${s}`, new RegExp(`^user Alice ${s}`));
  await dialog(page).getByRole("button", { name: "Add" }).click();
  await expect(page.getByTestId("group-members")).toContainText(`Alice ${s}`);

  // The access checker: Alice may update the issue, through the group's grant two levels up.
  await page.goto(`/access?org=${orgId}`);
  await pickSubject(page, "Subject", `Alice ${s}`, new RegExp(`^user Alice ${s}`));
  await page.getByLabel("Action").fill("update");
  await pickResource(page, "Resource", "Safari", /Login fails on Safari/);
  await page.getByRole("button", { name: "Check" }).click();
  const decision = page.getByTestId("decision");
  await expect(decision).toContainText("Allowed");
  await expect(decision).toContainText(`Alice ${s} may update Login fails on Safari`);
  const deciding = page.getByTestId("deciding-grants");
  await expect(deciding).toContainText("editor");
  await expect(deciding).toContainText(`user Alice ${s} → group Editors`);
  const path = page.getByTestId("explain-path");
  await expect(path.getByRole("listitem")).toHaveCount(4);
  await expect(page.getByTestId("path-node-apollo")).toContainText("editor · group Editors (allow)");
  await expect(page.getByTestId("path-node-apollo")).toHaveClass(/covered-allow/);
  await expect(page.getByTestId("path-node-login-bug")).toHaveClass(/covered-allow/);
  await expect(page.getByTestId(`path-node-tracker-${s}`)).not.toHaveClass(/covered/);
  await snap(page, testInfo, "checker-allowed");
});

test("a deny on the epic flips the decision, and the deny is named as the reason", async ({ page }, testInfo) => {
  const world = await issueWorld(page.request);
  const checkUrl = `/access?org=${world.org.id}&tab=check&subject=${world.alice.id}&action=update&resource=${world.issue.id}`;
  await page.goto(checkUrl);
  await expect(page.getByTestId("decision")).toContainText("Allowed");

  // Deny the group "update" on the epic, from the epic's page.
  await page.goto(`/resources/${world.org.id}/${world.epic.id}`);
  await page.getByRole("button", { name: "Grant access" }).click();
  await pickSubject(dialog(page), "Subject", "Editors", /^group Editors/);
  await dialog(page).getByLabel("Actions", { exact: true }).check();
  await dialog(page).getByRole("textbox", { name: "Actions" }).fill("update");
  await dialog(page).getByLabel("Deny (wins over every allow)").check();
  await dialog(page).getByRole("button", { name: "Save grant" }).click();
  // Right after saving: Alice still reads the epic, but no longer updates it.
  const effect = dialog(page).getByTestId("grant-effect");
  await expect(effect).toContainText("Saved (deny)");
  await expect(effect.getByRole("listitem").filter({ hasText: `Alice ${world.s}` })).toContainText("read");
  await expect(effect.getByRole("listitem").filter({ hasText: `Alice ${world.s}` })).not.toContainText("update");
  await snap(page, testInfo, "deny-effect");
  await dialog(page).getByRole("button", { name: "Done" }).click();

  await page.goto(checkUrl);
  const decision = page.getByTestId("decision");
  await expect(decision).toContainText("Denied");
  await expect(decision).toContainText("a deny decides");
  const deciding = page.getByTestId("deciding-grants");
  await expect(deciding.getByRole("row")).toHaveCount(2);
  await expect(deciding).toContainText("deny");
  await expect(deciding).toContainText("Login epic");
  await expect(page.getByTestId("overridden-grants")).toContainText("editor");
  await expect(page.getByTestId("path-node-login-epic")).toContainText("update · group Editors (deny)");
  await expect(page.getByTestId("path-node-login-epic")).toHaveClass(/covered-deny/);
  await expect(page.getByTestId("path-node-apollo")).toContainText("overridden: editor");
  await snap(page, testInfo, "checker-denied");
});

test("moving the issue to another project: its inherited access follows the new ancestors", async ({ page }, testInfo) => {
  const world = await issueWorld(page.request);
  const zeus = await world.resource("project", "zeus", "Zeus");
  const bob = await apiPost(page.request, "/users", { externalId: `bob-${world.s}`, name: `Bob ${world.s}` });
  await apiPost(page.request, "/grants", { subject: bob.id, role: "editor", resource: zeus.id, organization: world.org.id });

  await page.goto(`/resources/${world.org.id}/${world.issue.id}`);
  await expect(page.getByTestId("inherited-grants")).toContainText("Apollo");
  await expect(page.getByTestId("who-has-access")).toContainText(`Alice ${world.s}`);
  await expect(page.getByTestId("who-has-access")).not.toContainText(`Bob ${world.s}`);

  await page.getByRole("button", { name: "Move" }).click();
  await pickResource(dialog(page), "New parent", "Zeus", /Zeus/);
  await dialog(page).getByRole("button", { name: "Move", exact: true }).click();
  await expect(dialog(page)).toBeHidden();

  await expect(page.getByRole("navigation", { name: "Path" })).toContainText("Zeus");
  await expect(page.getByTestId("inherited-grants")).toContainText("Zeus");
  await expect(page.getByTestId("inherited-grants")).not.toContainText("Apollo");
  await expect(page.getByTestId("who-has-access")).toContainText(`Bob ${world.s}`);
  await expect(page.getByTestId("who-has-access")).not.toContainText(`Alice ${world.s}`);
  // The tree shows the issue under its new project.
  const tree = page.getByRole("tree");
  const zeusRow = tree.getByRole("treeitem", { name: "Zeus (project)" });
  await expect(zeusRow).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("treeitem", { name: "Login bug (issue)" })).toHaveAttribute("aria-level", "3");
  await snap(page, testInfo, "moved");

  await page.goto(`/access?org=${world.org.id}&tab=check&subject=${world.alice.id}&action=update&resource=${world.issue.id}`);
  await expect(page.getByTestId("decision")).toContainText("no grant gives this action here");
  await page.goto(`/access?org=${world.org.id}&tab=check&subject=${bob.id}&action=update&resource=${world.issue.id}`);
  await expect(page.getByTestId("decision")).toContainText("Allowed");
  await expect(page.getByTestId("path-node-zeus")).toContainText(`editor · user Bob ${world.s} (allow)`);
});

test("what can this subject reach, and who can act here", async ({ page }, testInfo) => {
  const world = await issueWorld(page.request);
  await page.goto(`/access?org=${world.org.id}&tab=reach`);
  await pickSubject(page, "Subject", `Alice ${world.s}`, new RegExp(`^user Alice ${world.s}`));
  await page.getByLabel("Action").fill("read");
  await page.getByRole("button", { name: "Find resources" }).click();
  const reach = page.getByTestId("reach-results");
  for (const name of ["Apollo", "Login epic", "Login bug"]) await expect(reach.getByRole("link", { name })).toBeVisible();

  await page.getByRole("link", { name: "Who can act here" }).click();
  await pickResource(page, "Resource", "Login bug", /Login bug/);
  await page.getByRole("button", { name: "Find users" }).click();
  const who = page.getByTestId("who-results");
  await expect(who.getByRole("row", { name: new RegExp(`Alice ${world.s}`) })).toContainText("read, update");
  await snap(page, testInfo, "who-can-act");

  // An unknown subject in the address bar is a field error, not a crash.
  await page.goto(`/access?org=${world.org.id}&tab=check&subject=user:nobody-${world.s}&action=read&resource=${world.issue.id}`);
  await expect(page.getByText(`user 'user:nobody-${world.s}' not found`).or(page.getByText(`'nobody-${world.s}' not found`))).toBeVisible();
});
