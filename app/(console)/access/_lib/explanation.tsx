import Link from "next/link";
import type { Database } from "@/db/client";
import type { Explanation } from "@/lib/access/check";
import { getGrant } from "@/lib/grants/service";
import { getResource, resourceAncestors } from "@/lib/resources/service";
import { subjectLabels } from "@/lib/subjects/labels";
import { ExplainPath, type PathMark } from "@/components/access/explain-path";
import { Conditions, EffectBadge, GrantTarget, GrantWhat } from "@/components/grants/grant-parts";
import { subjectHref, type GrantView } from "@/components/grants/grant-view";
import { toGrantViews } from "../../_lib/grant-views";

type ExplainedGrant = Explanation["deciding"][number];

const splitKey = (key: string) => ({ type: key.slice(0, key.indexOf(":")), id: key.slice(key.indexOf(":") + 1) });

/** The decision, the grants that made it (and those a deny overrode), and the path drawn on the tree. */
export async function ExplanationView({ db, explanation, action }: { db: Database; explanation: Explanation; action: string }) {
  const explained = [...explanation.deciding, ...explanation.overridden];
  const views = new Map((await toGrantViews(db, await Promise.all(explained.map((g) => getGrant(db, g.grantId))))).map((v) => [v.id, v]));
  const subjectKey = `${explanation.subject.type}:${explanation.subject.id}`;
  const labels = await subjectLabels(db, [explanation.subject, ...explained.flatMap((g) => g.via.map(splitKey))]);
  const resource = await getResource(db, explanation.resource.id);
  const chain = [...(await resourceAncestors(db, resource.id)), resource];
  const via = (g: ExplainedGrant) => g.via.map((key) => `${splitKey(key).type} ${labels.get(key) ?? splitKey(key).id}`);
  const mark = (g: ExplainedGrant, kind: PathMark["kind"]): PathMark => {
    const view = views.get(g.grantId)!;
    return { targetId: g.path[0]?.id ?? resource.id, kind, label: `${view.role ?? view.actions?.join(", ")} · ${view.subject.type} ${view.subject.label} (${view.effect})` };
  };
  const marks = [...explanation.deciding.map((g) => mark(g, g.effect)), ...explanation.overridden.map((g) => mark(g, "overridden"))];
  const subjectName = labels.get(subjectKey) ?? explanation.subject.id;

  const verdict = explanation.allowed ? "Allowed" : "Denied";
  const reason =
    explanation.decision === "allow"
      ? `${subjectName} may ${action} ${resource.name}: ${explanation.deciding.length === 1 ? "one grant allows it" : `${explanation.deciding.length} grants allow it`}.`
      : explanation.decision === "deny"
        ? `${subjectName} may not ${action} ${resource.name}: a deny decides, and a deny wins over every allow.`
        : `${subjectName} may not ${action} ${resource.name}: no grant gives this action here.`;

  return (
    <section className="panel" aria-labelledby="decision-title">
      <div className={`decision decision-${explanation.decision}`} data-testid="decision" role="status">
        <h2 id="decision-title">{verdict}</h2>
        <p>{reason}</p>
        <p className="small muted">Decided at revision {explanation.revision}.</p>
      </div>
      {explanation.deciding.length > 0 && (
        <>
          <h3 className="subheading">{explanation.decision === "deny" ? "Denied by" : "Allowed by"}</h3>
          <DecidingTable grants={explanation.deciding} views={views} via={via} label="Deciding grants" testId="deciding-grants" />
        </>
      )}
      {explanation.overridden.length > 0 && (
        <>
          <h3 className="subheading">Overridden allows</h3>
          <DecidingTable grants={explanation.overridden} views={views} via={via} label="Overridden grants" testId="overridden-grants" />
        </>
      )}
      <h3 className="subheading">On the tree</h3>
      <ExplainPath chain={chain.map((r) => ({ id: r.id, organizationId: r.organizationId, name: r.name, type: r.type, externalId: r.externalId }))} marks={marks} />
    </section>
  );
}

type TableProps = { grants: ExplainedGrant[]; views: Map<string, GrantView>; via: (g: ExplainedGrant) => string[]; label: string; testId: string };

function DecidingTable({ grants, views, via, label, testId }: TableProps) {
  return (
    <div className="table-scroll" data-testid={testId}>
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Effect</th>
            <th scope="col">Grants</th>
            <th scope="col">On</th>
            <th scope="col">Reaches the subject through</th>
            <th scope="col">Conditions</th>
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => {
            const view = views.get(g.grantId)!;
            const href = subjectHref(view.subject);
            return (
              <tr key={g.grantId}>
                <td><EffectBadge effect={g.effect} /></td>
                <td><GrantWhat grant={view} /></td>
                <td><GrantTarget grant={view} /></td>
                <td>{href ? <Link href={href}>{via(g).join(" → ")}</Link> : via(g).join(" → ")}</td>
                <td><Conditions conditions={view.conditions} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
