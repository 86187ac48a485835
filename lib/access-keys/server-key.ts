/**
 * The server key that encrypts access-key secrets at rest. A secret has to be
 * read back to verify an HMAC, so it cannot be hashed like an API key; it is
 * sealed with AES-256-GCM under a key derived from ARBOR_SECRET, with the
 * access key id as associated data (a ciphertext copied to another row does
 * not decrypt).
 *
 * Without ARBOR_SECRET: on embedded PGlite (one process owns the data
 * directory) a random key is generated once and kept in
 * `<data dir>/server-secret`, mode 0600, beside the data it protects; an
 * in-memory database keeps it in memory. On PostgreSQL several processes share
 * the database and must share the key, so access keys are refused until
 * ARBOR_SECRET is set.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ArborError } from "@/lib/shared/errors";

export type ServerKeySource = { secret?: string; kind: "pglite" | "postgres"; dataDir?: string };

const holder = globalThis as unknown as { __arborServerKey?: Buffer | string };

const MISSING =
  "access keys need a server key: set ARBOR_SECRET (the same value in every Arbor process sharing this PostgreSQL database)";

const derive = (secret: string) => createHash("sha256").update(`arbor access keys\0${secret}`).digest();

function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, "server-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  fs.mkdirSync(dataDir, { recursive: true });
  // `wx`: if another start-up wrote it first, use theirs.
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fs.readFileSync(file, "utf8").trim();
  }
  return secret;
}

/** Decides the server key once per process (start-up); a string is the reason there is none. */
export function configureServerKey(source: ServerKeySource): void {
  if (source.secret) holder.__arborServerKey = derive(source.secret);
  else if (source.kind === "postgres") holder.__arborServerKey = MISSING;
  else if (!source.dataDir || source.dataDir.startsWith("memory://")) holder.__arborServerKey = randomBytes(32);
  else holder.__arborServerKey = derive(persistedSecret(source.dataDir));
}

function serverKey(): Buffer {
  const key = holder.__arborServerKey;
  if (key === undefined) throw new ArborError("forbidden", "the server key is not configured (Arbor has not started)");
  if (typeof key === "string") throw new ArborError("forbidden", key);
  return key;
}

const VERSION = "v1";

export function sealSecret(secret: string, accessKeyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", serverKey(), iv);
  cipher.setAAD(Buffer.from(accessKeyId));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The secret, or null when the ciphertext was sealed under another key or for another access key. */
export function openSecret(sealed: string, accessKeyId: string): string | null {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", serverKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(accessKeyId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    if (error instanceof ArborError) throw error;
    return null;
  }
}
