/**
 * Administrator passwords: scrypt with a random salt. The stored string names
 * its own parameters (`scrypt$n=…,r=…,p=…$salt$hash`), so raising the cost
 * later keeps every existing password verifiable.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

type Cost = { n: number; r: number; p: number };

// ~0.25 s and 32 MiB per hash on a small server: slow for a guesser, fine for a sign-in.
export const PASSWORD_COST: Cost = { n: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, cost: Cost, bytes = KEY_BYTES): Promise<Buffer> {
  // scrypt needs 128·n·r bytes; node's default ceiling (32 MiB) is just below that for our cost.
  const options: ScryptOptions = { N: cost.n, r: cost.r, p: cost.p, maxmem: 256 * cost.n * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, bytes, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string, cost: Cost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return `scrypt$n=${cost.n},r=${cost.r},p=${cost.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

const ENCODED = /^scrypt\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** Bounds on what a stored string may ask for, so a corrupted row cannot make a sign-in allocate gigabytes. */
function parse(encoded: string): { cost: Cost; salt: Buffer; key: Buffer } | null {
  const m = ENCODED.exec(encoded);
  if (!m) return null;
  const cost = { n: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const powerOfTwo = (cost.n & (cost.n - 1)) === 0;
  if (!powerOfTwo || cost.n < 2 ** 10 || cost.n > 2 ** 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) return null;
  const key = Buffer.from(m[5], "base64url");
  return key.length >= 16 && key.length <= 64 ? { cost, salt: Buffer.from(m[4], "base64url"), key } : null;
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const stored = parse(encoded);
  if (!stored) return false;
  const key = await derive(password, stored.salt, stored.cost, stored.key.length);
  return timingSafeEqual(key, stored.key);
}
