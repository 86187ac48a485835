import type { Metadata } from "next";
import { listOperations, openApiDocument } from "@/app/api/v1/_native/openapi";
import { PageHeader } from "@/components/shell/page-header";
import type { JsonSchema } from "@/components/api-reference/json-schema";
import { OperationItem, type OperationView } from "@/components/api-reference/operation-item";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const metadata: Metadata = { title: "API reference" };

type DocOperation = { requestBody?: { content: { "application/json": { schema: JsonSchema } } } };

/** Generated from the same operation list and zod schemas as /api/v1/openapi.json, so the two never disagree. */
export default async function ApiReferencePage() {
  await requireAdmin();
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, DocOperation>>;
  const byTag = new Map<string, OperationView[]>();
  for (const op of listOperations()) {
    const body = paths[op.path]?.[op.method]?.requestBody?.content["application/json"].schema;
    byTag.set(op.tag, [...(byTag.get(op.tag) ?? []), { method: op.method, path: op.path, summary: op.summary, query: op.query, body }]);
  }
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            {doc.info.title}: JSON in camelCase, every request with <code>Authorization: Bearer &lt;API key&gt;</code>, every write answering with the
            new revision. Errors name the field and the rule.
          </>
        }
        actions={
          <a className="button" href="/api/v1/openapi.json">
            OpenAPI 3.1 document
          </a>
        }
      />
      <nav className="panel" aria-label="API sections">
        {[...byTag.keys()].map((tag, i) => (
          <span key={tag}>
            {i > 0 && " · "}
            <a href={`#${slug(tag)}`}>{tag}</a>
          </span>
        ))}
      </nav>
      {[...byTag.entries()].map(([tag, ops]) => (
        <section className="panel" key={tag} id={slug(tag)} aria-labelledby={`${slug(tag)}-title`}>
          <h2 id={`${slug(tag)}-title`}>{tag}</h2>
          {ops.map((op) => (
            <OperationItem key={`${op.method} ${op.path}`} op={op} />
          ))}
        </section>
      ))}
    </>
  );
}

const slug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, "-");
