/**
 * Sign-in: throttle, then credentials, then a new session. The throttle is
 * asked first, so a refused attempt never reaches the password check.
 */
import type { Database } from "@/db/client";
import { ArborError, parseWith } from "@/lib/shared/errors";
import { signInSchema } from "./schemas";
import { verifyCredentials, type Admin } from "./service";
import { startSession, type SessionOptions } from "./sessions";
import type { SignInThrottle } from "./throttle";

/** Too many recent failures for this email; `retryAfterMs` says how long to wait. */
export class SignInThrottled extends ArborError {
  constructor(readonly retryAfterMs: number) {
    const seconds = Math.ceil(retryAfterMs / 1000);
    const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
    super("limit", `Too many failed sign-ins for this email. Try again in ${wait}.`);
  }
}

export const WRONG_CREDENTIALS = "Wrong email or password.";

export async function signIn(
  db: Database,
  input: unknown,
  options: SessionOptions & { throttle: SignInThrottle },
): Promise<{ admin: Admin; token: string; expiresAt: Date }> {
  const { email, password } = parseWith(signInSchema, input);
  const wait = options.throttle.waitFor(email);
  if (wait > 0) throw new SignInThrottled(wait);
  const admin = await verifyCredentials(db, email, password);
  if (!admin) {
    options.throttle.recordFailure(email);
    throw new ArborError("unauthenticated", WRONG_CREDENTIALS);
  }
  options.throttle.reset(email);
  return { admin, ...(await startSession(db, admin.id, options)) };
}
