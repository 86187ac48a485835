/**
 * Console sign-in, in a browser that starts signed out (not with the shared
 * administrator's cookies). Signing out here ends only this file's own sessions.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, waitForHydration, type BrowserContext, type Page } from "./fixtures";
import { adminEmail, adminPassword } from "./admin-state";
import { newScope, snap, unique } from "./helpers";

test.use({ storageState: { cookies: [], origins: [] } });

const CONSOLE_ROUTES = ["/", "/types", "/resources", "/grants", "/access", "/subjects", "/changes", "/api-keys", "/api-reference", "/administrators"];

async function signIn(page: Page, email = adminEmail(), password = adminPassword()) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "arbor_session");
}

/** A session token that is well-formed but belongs to nobody. */
const forged = () => "A".repeat(43);

test("every console route refuses without a session, and with a forged or altered cookie", async ({ page, context, baseURL }) => {
  for (const route of CONSOLE_ROUTES) {
    await page.goto(route);
    await expect(page, route).toHaveURL(route === "/" ? /\/sign-in$/ : new RegExp(`/sign-in\\?next=${encodeURIComponent(route)}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  }
  // With a cookie the proxy lets the request through: the pages themselves must refuse it.
  await context.addCookies([{ name: "arbor_session", value: forged(), url: baseURL! }]);
  for (const route of CONSOLE_ROUTES) {
    await page.goto(route);
    await expect(page, route).toHaveURL(/\/sign-in(\?|$)/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  }
});

test("a wrong password shows an error and signs no one in", async ({ page, context }, testInfo) => {
  await page.goto("/grants");
  await signIn(page, adminEmail(), "not the password at all");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgrants$/);
  await expect(page.getByLabel("Password")).toHaveValue("");
  expect(await sessionCookie(context)).toBeUndefined();
  await snap(page, testInfo, "wrong-password");

  // The form's own rules, before anything is sent.
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an email address like name@example.com")).toBeVisible();
});

test("signing in returns to the page asked for with a strict cookie; signing out ends the session on the server", async ({ page, context }, testInfo) => {
  await page.goto("/changes?entityType=resource_type");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fchanges%3FentityType%3Dresource_type$/);
  await signIn(page);
  await expect(page).toHaveURL(/\/changes\?entityType=resource_type$/);
  await expect(page.getByRole("heading", { level: 1, name: "Change log" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(adminEmail());
  await snap(page, testInfo, "signed-in");

  const cookie = (await sessionCookie(context))!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  expect(cookie.path).toBe("/");
  expect(cookie.secure).toBe(false); // plain HTTP here; HTTPS behind a proxy is covered in e2e/api/console-actions.test.ts
  const hoursLeft = (cookie.expires * 1000 - Date.now()) / 3_600_000;
  expect(hoursLeft).toBeGreaterThan(11.9);
  expect(hoursLeft).toBeLessThanOrEqual(12);
  expect(await page.evaluate(() => document.cookie)).not.toContain("arbor_session");

  // Signed in, the sign-in page sends you on.
  await page.goto("/sign-in?next=/grants");
  await expect(page).toHaveURL(/\/grants/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await sessionCookie(context)).toBeUndefined();
  await page.goto("/types");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftypes$/);

  // The old cookie, put back, is dead: signing out ended the session itself, not just the cookie.
  await context.addCookies([cookie]);
  await page.goto("/types");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftypes$/);
});

test("an altered session cookie is refused", async ({ page, context }) => {
  await page.goto("/api-reference");
  await signIn(page);
  await expect(page).toHaveURL(/\/api-reference$/);
  const cookie = (await sessionCookie(context))!;
  const altered = cookie.value.slice(0, -1) + (cookie.value.endsWith("A") ? "B" : "A");
  await context.addCookies([{ ...cookie, value: altered }]);
  await page.goto("/types");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftypes$/);
  // The real one still works: only the altered copy was refused.
  await context.addCookies([cookie]);
  await page.goto("/types");
  await expect(page).toHaveURL(/\/types\/scope_default$/);
});

test("the change log names the signed-in administrator as the actor of a console change", async ({ page, request }, testInfo) => {
  const scope = await newScope(request, "Actor check");
  await page.goto(`/types/${scope}`);
  await signIn(page);
  await expect(page).toHaveURL(new RegExp(`/types/${scope}$`));
  const key = `actor-${unique()}`;
  await page.getByRole("button", { name: "New resource type" }).click();
  await page.getByRole("dialog").getByLabel("Key").fill(key);
  await page.getByRole("dialog").getByLabel("Name", { exact: true }).fill("Actor check");
  await page.getByRole("dialog").getByRole("button", { name: "Create resource type" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const actor = `admin:${adminEmail()}`;
  await page.goto(`/changes?entityType=resource_type&actor=${encodeURIComponent(actor)}`);
  const entry = page.getByTestId("change").filter({ hasText: key });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`by ${actor}`);
  await snap(page, testInfo, "actor");
});

// The shared test server already has its administrator, so the first-run page is shown on a server of its own.
test.describe("first run", () => {
  let server: ChildProcess;
  let url: string;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-first-run-"));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, ARBOR_DATA_DIR: dataDir };
    // A fresh embedded database, and no administrator from the environment.
    for (const name of ["DATABASE_URL", "ARBOR_ADMIN_EMAIL", "ARBOR_ADMIN_PASSWORD", "ARBOR_API_KEY"]) delete env[name];
    const next = path.join(__dirname, "..", "..", "node_modules", ".bin", "next");
    server = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: path.join(__dirname, "..", ".."), env, stdio: "ignore" });
    for (let i = 0; i < 240; i++) {
      if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the first-run server did not start on ${url}`);
  });

  test.afterAll(() => {
    server?.kill();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("a fresh installation asks for its first administrator, once", async ({ page, browser }, testInfo) => {
    await page.goto(`${url}/grants`);
    await expect(page).toHaveURL(`${url}/setup`);
    await expect(page.getByRole("heading", { level: 1, name: "Welcome to Arbor" })).toBeVisible();
    await snap(page, testInfo, "first-run");

    await page.getByLabel("Email").fill("owner@example.test");
    await page.getByLabel("Password", { exact: true }).fill("too short");
    await page.getByLabel("Repeat the password").fill("something else");
    await page.getByRole("button", { name: "Create administrator and sign in" }).click();
    await expect(page.getByText("At least 12 characters", { exact: true })).toBeVisible();
    await expect(page.getByText("The two passwords differ")).toBeVisible();

    await page.getByLabel("Password", { exact: true }).fill("owner password 123");
    await page.getByLabel("Repeat the password").fill("owner password 123");
    await page.getByRole("button", { name: "Create administrator and sign in" }).click();
    await expect(page).toHaveURL(`${url}/types/scope_default`);
    await expect(page.getByTestId("signed-in-as")).toHaveText("owner@example.test");

    // Once an administrator exists, the first-run page is gone for everyone.
    const stranger = await browser.newPage({ storageState: { cookies: [], origins: [] } });
    await stranger.goto(`${url}/setup`);
    await waitForHydration(stranger);
    await expect(stranger).toHaveURL(`${url}/sign-in`);
    await signIn(stranger, "owner@example.test", "owner password 123");
    await expect(stranger).toHaveURL(`${url}/types/scope_default`);
    await stranger.close();

    await page.goto(`${url}/changes?entityType=admin`);
    await expect(page.getByTestId("change")).toHaveCount(1);
    await expect(page.getByTestId("change")).toContainText("by setup");
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
