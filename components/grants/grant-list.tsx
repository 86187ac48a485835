import Link from "next/link";
import { TypeIcon } from "@/components/resources/type-icon";
import { RevokeGrantButton } from "./grant-buttons";
import { Conditions, EffectBadge, GrantTarget, GrantWhat, SubjectName } from "./grant-parts";
import { resourceHref, type GrantView } from "./grant-view";

/** "group Engineering: editor on Platform (allow)": how a grant is named in confirmations and labels. */
export const describeGrant = (g: GrantView) =>
  `${g.subject.type} ${g.subject.label}: ${g.role ?? g.actions?.join(", ")} on ${g.target?.name ?? g.pattern} (${g.effect})`;

type Props = { grants: GrantView[]; label: string; empty: string; showTarget?: boolean; showSource?: boolean; revocable?: boolean; testId?: string };

/** A short table of grants (a resource's, a subject's); the grants page has the filterable one. */
export function GrantList({ grants, label, empty, showTarget = false, showSource = false, revocable = false, testId }: Props) {
  if (!grants.length) return <p className="muted small" data-testid={testId}>{empty}</p>;
  return (
    <div className="table-scroll" data-testid={testId}>
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Grants</th>
            {showTarget && <th scope="col">On</th>}
            {showSource && <th scope="col">Inherited from</th>}
            <th scope="col">Effect</th>
            <th scope="col">Conditions</th>
            {revocable && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => (
            <tr key={g.id}>
              <td>
                <SubjectName subject={g.subject} />
              </td>
              <td>
                <GrantWhat grant={g} />
              </td>
              {showTarget && (
                <td>
                  <GrantTarget grant={g} />
                </td>
              )}
              {showSource && (
                <td>
                  {g.source && (
                    <>
                      <Link href={resourceHref(g.source)} className="resource-link">
                        <TypeIcon type={g.source.type} /> {g.source.name}
                      </Link>
                      {g.source.viaPattern && (
                        <span className="small muted">
                          {" "}
                          by pattern <code>{g.pattern}</code>
                        </span>
                      )}
                    </>
                  )}
                </td>
              )}
              <td>
                <EffectBadge effect={g.effect} />
              </td>
              <td>
                <Conditions conditions={g.conditions} />
              </td>
              {revocable && (
                <td className="row-actions">
                  <RevokeGrantButton grantId={g.id} description={describeGrant(g)} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
