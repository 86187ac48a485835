import path from "node:path";

/** Where the set-up project leaves the signed-in administrator's cookies for every other browser test (git-ignored). */
export const ADMIN_STATE = path.join(__dirname, "..", "artifacts", ".auth", "admin.json");

export const adminEmail = () => required("ARBOR_TEST_ADMIN_EMAIL");
export const adminPassword = () => required("ARBOR_TEST_ADMIN_PASSWORD");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with npm test -- browser`);
  return value;
}
