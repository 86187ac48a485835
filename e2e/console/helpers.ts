import { expect, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";

/** Lowercase and short, so it fits type keys, role slugs and scope ids; unique because the server is shared. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

const auth = { authorization: `Bearer ${process.env.ARBOR_TEST_KEY ?? ""}` };

/** Set-up through the native API, so each test drives only the workflow it is about. */
export async function apiPost(request: APIRequestContext, path: string, data: unknown) {
  const res = await request.post(`/api/v1${path}`, { headers: auth, data });
  expect(res.ok(), `${path}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

export async function newScope(request: APIRequestContext, name: string): Promise<string> {
  const id = `scope_e2e_${unique()}`;
  await apiPost(request, "/scopes", { id, name });
  return id;
}

/** A named screenshot kept with the test's artifacts. */
export async function snap(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

export async function apiGet(request: APIRequestContext, path: string) {
  const res = await request.get(`/api/v1${path}`, { headers: auth });
  expect(res.ok(), `${path}: ${await res.text()}`).toBeTruthy();
  return res.json();
}

export type Org = { id: string; scopeId: string; rootResourceId: string; externalId: string; name: string };

export async function newOrganization(request: APIRequestContext, name: string): Promise<Org> {
  return apiPost(request, "/organizations", { externalId: `org-${unique()}`, name });
}

/**
 * An issue tracker set up through the API: the template in the organization's
 * own scope, an "editor" role, Apollo → Login epic → Login bug, the group
 * Editors holding editor on Apollo, and Alice in that group.
 */
export async function issueWorld(request: APIRequestContext) {
  const s = unique();
  const org = await newOrganization(request, `Issues ${s}`);
  await apiPost(request, "/templates/issue-tracking/apply", { scopeId: org.scopeId });
  await apiPost(request, "/roles", {
    slug: "editor",
    name: "Editor",
    scopeId: org.scopeId,
    permissions: ["project:read", "epic:read", "epic:update", "issue:read", "issue:update"],
  });
  const resource = (type: string, externalId: string, name: string, parentId?: string) =>
    apiPost(request, "/resources", { organizationId: org.id, type, externalId, name, parentId });
  const apollo = await resource("project", "apollo", "Apollo");
  const epic = await resource("epic", "login-epic", "Login epic", apollo.id);
  const issue = await resource("issue", "login-bug", "Login bug", epic.id);
  const alice = await apiPost(request, "/users", { externalId: `alice-${s}`, name: `Alice ${s}` });
  const editors = await apiPost(request, "/groups", { organizationId: org.id, externalId: "editors", name: "Editors" });
  await apiPost(request, `/groups/${editors.id}/members`, { type: "user", id: alice.id });
  await apiPost(request, "/grants", { subject: editors.id, role: "editor", resource: apollo.id, organization: org.id });
  return { s, org, apollo, epic, issue, alice, editors, resource };
}

/** Picks an option in a subject combobox by typing part of its name. */
export async function pickSubject(scope: Page | Locator, label: string, text: string, option: RegExp) {
  const box = scope.getByRole("combobox", { name: label });
  await box.fill(text);
  await scope.getByRole("option", { name: option }).first().click();
}

/** Picks a resource in a resource picker (fieldset named `label`) through its search. */
export async function pickResource(scope: Page | Locator, label: string, text: string, hit: RegExp) {
  const picker = scope.getByRole("group", { name: label });
  await picker.getByLabel(`Search for ${label.toLowerCase()}`).fill(text);
  await picker.getByRole("button", { name: hit }).first().click();
  await expect(picker.locator(".picker-value")).toContainText(hit);
}
