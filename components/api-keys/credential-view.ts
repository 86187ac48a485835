/** An API key or access key as the console lists it: dates as ISO text, so it crosses to the browser as is. */
export type CredentialView = {
  id: string;
  name: string;
  /** The API key's prefix, or the access key id. */
  identifier: string;
  /** The organization it is restricted to, by name; null when it has none. */
  organization: string | null;
  readOnly: boolean;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type OrganizationChoice = { id: string; externalId: string | null; name: string };

/** What the create dialog shows once: the secret, and for an access key its id. */
export type CreatedCredential = { name: string; accessKeyId?: string; secret: string };
