import Link from "next/link";
import { TypeIcon } from "@/components/resources/type-icon";
import { conditionText, resourceHref, subjectHref, type GrantView } from "./grant-view";

export function EffectBadge({ effect }: { effect: "allow" | "deny" }) {
  return <span className={effect === "deny" ? "badge badge-deny" : "badge badge-allow"}>{effect}</span>;
}

export function SubjectName({ subject }: { subject: GrantView["subject"] }) {
  const href = subjectHref(subject);
  const text = (
    <>
      <span className="subject-type">{subject.type}</span> {subject.label}
    </>
  );
  return href ? <Link href={href}>{text}</Link> : <span>{text}</span>;
}

/** The role, or the action list, a grant gives. */
export function GrantWhat({ grant }: { grant: Pick<GrantView, "role" | "actions"> }) {
  if (grant.role) return <span className="badge badge-own">{grant.role}</span>;
  return <span className="mono small">{grant.actions?.join(", ")}</span>;
}

export function GrantTarget({ grant }: { grant: Pick<GrantView, "target" | "pattern"> }) {
  if (grant.target) {
    return (
      <Link href={resourceHref(grant.target)} className="resource-link">
        <TypeIcon type={grant.target.type} /> {grant.target.name}
      </Link>
    );
  }
  return (
    <span>
      pattern <code>{grant.pattern}</code>
    </span>
  );
}

export function Conditions({ conditions }: { conditions: GrantView["conditions"] }) {
  if (!conditions?.length) return <span className="muted small">—</span>;
  return (
    <ul className="condition-list">
      {conditions.map((c, i) => (
        <li key={i} className="mono small">
          {conditionText(c)}
        </li>
      ))}
    </ul>
  );
}
