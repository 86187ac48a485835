import { z } from "zod";
import { getOrganization } from "@/lib/organizations/service";
import { updateResource } from "@/lib/resources/service";
import { done, genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { booleanParam, namespaceCode } from "../_genauth/params";
import { genauthMetadata, requireResource, withGenAuthMetadata } from "../_genauth/resources";

const schema = z.object({
  code: z.string().min(1).max(256),
  association: booleanParam,
  appId: namespaceCode.describe("the application, i.e. the namespace the resource is in"),
  tenantId: z.string().min(1).max(256).describe("the tenant: an organization id or external id"),
});

/**
 * Records (or removes) the association of an application resource with a
 * tenant organization, shown as `linkedToTenant`. It is recorded only: grants
 * stay inside their organization (docs/compat-genauth.md).
 */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.appId, "appId");
    const resource = await requireResource(db, organization, namespace, params.code);
    const tenant = await getOrganization(db, params.tenantId, "tenantId");
    const others = (genauthMetadata(resource).tenants ?? []).filter((t) => t !== tenant.id);
    const tenants = params.association ? [...others, tenant.id] : others;
    await updateResource(db, actor, resource.id, { metadata: withGenAuthMetadata(resource, { tenants }) });
    return done;
  },
  { write: true },
);
