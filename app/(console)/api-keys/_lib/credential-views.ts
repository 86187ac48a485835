import type { ApiKeyView } from "@/lib/api-keys/service";
import type { AccessKeyView } from "@/lib/access-keys/service";
import type { CredentialView } from "@/components/api-keys/credential-view";

type Common = Pick<ApiKeyView, "id" | "name" | "organizationId" | "organizationName" | "readOnly" | "createdAt" | "createdBy" | "lastUsedAt" | "revokedAt">;

const toView = (key: Common, identifier: string): CredentialView => ({
  id: key.id,
  name: key.name,
  identifier,
  organization: key.organizationName ?? key.organizationId,
  readOnly: key.readOnly,
  createdAt: key.createdAt.toISOString(),
  createdBy: key.createdBy,
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

/** The prefix is what people recognise a bearer key by; the rest of the secret is never stored. */
export const apiKeyViews = (keys: ApiKeyView[]) => keys.map((k) => toView(k, `${k.prefix}…`));

export const accessKeyViews = (keys: AccessKeyView[]) => keys.map((k) => toView(k, k.accessKeyId));
