/**
 * Domain errors in the shape the WorkOS SDK turns into its typed exceptions
 * (contract §3.2): 401 → UnauthorizedException, 404 → NotFoundException,
 * 409 → ConflictException, 422 with `errors` → UnprocessableEntityException,
 * 400/413 with `code` and `errors` → BadRequestException. A body never has an
 * `error` key: the SDK would read it as an OAuth error.
 */
import { ArborError, type ErrorKind, type FieldIssue } from "@/lib/shared/errors";

const STATUS: Record<ErrorKind, number> = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  limit: 413,
};

/** Domain field names that the wire spells differently (the rest only change case). */
const WIRE_FIELDS: Record<string, string> = {
  type: "resource_type_slug",
  resourceType: "resource_type_slug",
  parentType: "parent_resource_type_slug",
  parentExternalId: "parent_resource_external_id",
  parentId: "parent_resource_id",
  resource: "resource_id",
  role: "role_slug",
  label: "name",
  key: "slug",
  cascade: "cascade_delete",
  action: "permission_slug",
};

const snake = (name: string) => WIRE_FIELDS[name] ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** `[2].role` → `role_assignments[2].role_slug` style: each dotted part renamed. */
const wireField = (field: string) => field.split(".").map((part) => part.replace(/^([A-Za-z]+)/, (name) => snake(name))).join(".");

const ruleCode = (rule: string) => rule.replace(/^type:.*/, "invalid_type").replace(/[^a-z0-9]+/gi, "_").toLowerCase();

/** `name_required`, `external_id_too_big`: what the SDK prints for each requirement. */
const issueOf = (i: FieldIssue) => {
  const field = wireField(i.field);
  const bare = field.replace(/\[\d+\]/g, "").replace(/\./g, "_") || "body";
  return { field, code: `${bare}_${ruleCode(i.rule)}`, message: i.message };
};

function codeOf(error: ArborError): string {
  const rule = error.issues[0]?.rule;
  if (error.kind === "not_found") return "entity_not_found";
  if (error.kind === "unauthenticated") return "unauthorized";
  if (error.kind === "forbidden") return "forbidden";
  if (error.kind === "limit") return "request_too_large";
  if (error.kind === "validation") return "invalid_request_parameters";
  if (rule === "has_children" || rule === "has_grants" || rule === "has_dependents") return "resource_has_dependents";
  if (rule === "unique" && error.field === "externalId") return "authorization_resource_external_id_conflict";
  if (rule === "in_use") return "entity_in_use";
  if (rule === "ambiguous") return "ambiguous_reference";
  return rule === "unique" ? "entity_already_exists" : "conflict";
}

/** The body itself could not be read (malformed JSON, wrong type, too deep): 400, as the hosted API answers. */
const unreadableBody = (error: ArborError) => error.kind === "validation" && ["body", "content-type"].includes(error.field ?? "");

function errorBody(error: ArborError) {
  const withIssues = error.kind === "validation" || error.kind === "limit";
  const issues = error.issues.length ? error.issues : [{ field: "", rule: "invalid", message: error.message }];
  const unreadable = unreadableBody(error);
  return {
    status: unreadable ? 400 : STATUS[error.kind],
    body: {
      code: unreadable ? "invalid_request_body" : codeOf(error),
      message: error.message,
      ...(withIssues ? { errors: issues.map(issueOf) } : {}),
    },
  };
}

/** Anything that is not an ArborError is a bug: logged, answered without internals. */
function unexpected(error: unknown) {
  console.error("WorkOS API: unexpected error", error);
  return { status: 500, body: { code: "internal_error", message: "internal error" } };
}

export const asArborError = (error: unknown) => (error instanceof ArborError ? errorBody(error) : unexpected(error));
