import { expect, test, type Page } from "./fixtures";
import { apiPost, issueWorld, pickSubject, snap } from "./helpers";

const dialog = (page: Page) => page.getByRole("dialog");

test("the grants table: filter by subject, resource, role and effect, page through, revoke; a pattern grant from the editor", async ({ page }, testInfo) => {
  const world = await issueWorld(page.request);
  const { org, s } = world;
  // 30 more grants, so the table pages: one reader grant per issue.
  for (let i = 0; i < 30; i++) {
    const issue = await world.resource("issue", `bug-${i}`, `Bug ${i}`, world.epic.id);
    await apiPost(page.request, "/grants", { subject: world.alice.id, actions: ["read"], resource: issue.id, organization: org.id });
  }
  await apiPost(page.request, "/grants", { subject: world.alice.id, actions: ["update"], resource: world.issue.id, organization: org.id, effect: "deny" });

  await page.goto(`/grants?org=${org.id}`);
  const table = page.getByTestId("grant-table");
  const rows = table.getByRole("table", { name: "Grants" }).getByRole("row");
  await expect(rows).toHaveCount(26);
  await table.getByRole("link", { name: "Next page" }).click();
  await expect(rows).toHaveCount(8);
  await expect(table.getByRole("link", { name: "First page" })).toBeVisible();

  await table.getByLabel("Effect").selectOption("deny");
  await expect(page).toHaveURL(/effect=deny/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Login bug");
  await table.getByLabel("Effect").selectOption("");
  await expect(page).not.toHaveURL(/effect=/);

  await table.getByLabel("Role").selectOption("editor");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Editors");
  await table.getByRole("button", { name: "Clear filters" }).click();

  await pickSubject(table, "Subject", "Editors", /^group Editors/);
  await expect(page).toHaveURL(/subject=group_/);
  await expect(rows).toHaveCount(2);
  await table.getByRole("button", { name: "Clear filters" }).click();

  await table.getByLabel("Resource").fill("issue:login-bug");
  await table.getByRole("button", { name: "Apply" }).click();
  await expect(rows).toHaveCount(2);
  await table.getByLabel("Resource").fill("issue:no-such-bug");
  await table.getByRole("button", { name: "Apply" }).click();
  await expect(table).toContainText("resource 'issue:no-such-bug' not found");
  await table.getByRole("button", { name: "Clear filters" }).click();

  // A pattern grant made in the editor: every bug-* issue, with a condition.
  await page.getByRole("button", { name: "New grant" }).click();
  await pickSubject(dialog(page), "Subject", "Editors", /^group Editors/);
  await dialog(page).getByLabel("Every resource matching a pattern").check();
  await dialog(page).getByLabel("Pattern", { exact: true }).fill("issue:bug-*");
  await dialog(page).getByLabel("Actions", { exact: true }).check();
  await dialog(page).getByRole("textbox", { name: "Actions" }).fill("delete");
  await dialog(page).getByRole("button", { name: "Add condition" }).click();
  const condition = dialog(page).getByRole("group", { name: "Condition 1" });
  await condition.getByLabel("Parameter").fill("ip");
  await condition.getByLabel("Operator").selectOption("IpAddress");
  await condition.getByLabel("Value").fill("10.0.0.0/8");
  await dialog(page).getByRole("button", { name: "Save grant" }).click();
  await expect(dialog(page).getByTestId("grant-effect")).toContainText("A pattern grant applies to every resource");
  await dialog(page).getByRole("button", { name: "Done" }).click();
  await table.getByLabel("Effect").selectOption("allow");
  await pickSubject(table, "Subject", "Editors", /^group Editors/);
  const patternRow = rows.filter({ hasText: "issue:bug-*" });
  await expect(patternRow).toContainText("ip IpAddress 10.0.0.0/8");
  await expect(patternRow).toContainText("delete");
  await snap(page, testInfo, "grants-table");

  // The condition decides: from the office network Alice may delete bug-3, from elsewhere not.
  await page.goto(`/access?org=${org.id}&tab=check&subject=${world.alice.id}&action=delete&resource=issue:bug-3&context=${encodeURIComponent('{"ip":"10.2.3.4"}')}`);
  await expect(page.getByTestId("decision")).toContainText("Allowed");
  await expect(page.getByTestId("path-node-bug-3")).toContainText("delete · group Editors (allow)");
  await page.goto(`/access?org=${org.id}&tab=check&subject=${world.alice.id}&action=delete&resource=issue:bug-3&context=${encodeURIComponent('{"ip":"192.0.2.1"}')}`);
  await expect(page.getByTestId("decision")).toContainText("Denied");

  // Revoke from the table.
  await page.goto(`/grants?org=${org.id}&subject=${world.editors.id}&effect=allow`);
  await rows.filter({ hasText: "issue:bug-*" }).getByRole("button", { name: /^Revoke/ }).click();
  await dialog(page).getByRole("button", { name: "Revoke" }).click();
  await expect(rows.filter({ hasText: "issue:bug-*" })).toHaveCount(0);
  await expect(rows).toHaveCount(2);
});
