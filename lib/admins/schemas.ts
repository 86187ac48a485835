import { z } from "zod";

/** Stored lowercased: sign-in and uniqueness ignore case, and the actor name is the same however it was typed. */
export const adminEmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter an email address like name@example.com"));

export const PASSWORD_MIN = 12;
// scrypt takes any length, but a cap keeps a sign-in request from hashing megabytes.
export const PASSWORD_MAX = 256;

export const newPasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const createAdminSchema = z.object({ email: adminEmailSchema, password: newPasswordSchema }).strict();
export type CreateAdminInput = z.input<typeof createAdminSchema>;

/** Sign-in does not repeat the length rule: a short password is simply wrong, and saying why would help a guesser. */
export const signInSchema = z
  .object({
    email: adminEmailSchema,
    password: z.string().min(1).max(PASSWORD_MAX),
  })
  .strict();
export type SignInInput = z.input<typeof signInSchema>;
