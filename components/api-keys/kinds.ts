import type { z } from "zod";
import type { ActionResult } from "@/app/(console)/_lib/result";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { createAccessKeySchema } from "@/lib/access-keys/schemas";
import { createAccessKeyAction, createApiKeyAction, revokeAccessKeyAction, revokeApiKeyAction } from "@/app/(console)/api-keys/_actions/keys";
import type { CreatedCredential } from "./credential-view";

export type CredentialKind = "api-key" | "access-key";

type Kind = {
  noun: string;
  plural: string;
  /** What the identifying column is: the API key's prefix, or the access key id. */
  identifier: string;
  /** What a key without an organization may reach. */
  unrestricted: string;
  organizationHint: string;
  description: string;
  /** How a client presents it, said next to the secret. */
  usage: string;
  // Both kinds take the same fields: a name, an optional organization, read-only.
  schema: z.ZodType<z.output<typeof createApiKeySchema>, z.input<typeof createApiKeySchema>>;
  create: (input: unknown) => Promise<ActionResult<CreatedCredential>>;
  revoke: (id: string) => Promise<ActionResult<unknown>>;
};

/** What differs between the two kinds of credentials; their screens are otherwise the same. */
export const KINDS: Record<CredentialKind, Kind> = {
  "api-key": {
    noun: "API key",
    plural: "API keys",
    identifier: "Prefix",
    unrestricted: "All organizations",
    organizationHint: "A restricted key sees and changes nothing of any other organization.",
    description: "Bearer keys (Authorization: Bearer …) for the native API at /api/v1 and the WorkOS-compatible API.",
    usage: "Send it as Authorization: Bearer <secret>.",
    schema: createApiKeySchema,
    create: createApiKeyAction,
    revoke: revokeApiKeyAction,
  },
  "access-key": {
    noun: "access key",
    plural: "access keys",
    identifier: "Access key id",
    unrestricted: "Default organization",
    organizationHint: "The organization the key acts in; without one it acts in the default organization.",
    description: "Access key ids and secrets that sign requests to the GenAuth-compatible API at /api/v3.",
    usage: "Configure your GenAuth client with the access key id and the secret.",
    schema: createAccessKeySchema,
    create: createAccessKeyAction,
    revoke: revokeAccessKeyAction,
  },
};
