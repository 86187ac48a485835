import { expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";

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
