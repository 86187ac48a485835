"use client";

import { useState, useTransition } from "react";
import type { Template } from "@/lib/templates/catalog";
import type { TemplateResult } from "@/lib/templates/apply";
import { applyTemplateAction } from "@/app/(console)/types/_actions/templates";
import { ErrorMessage, SuccessMessage } from "@/components/ui/messages";

const describe = ({ types, rules, permissions }: TemplateResult["created"]) =>
  types + rules + permissions === 0
    ? "Nothing new: this scope already sees everything in the template."
    : `Created ${types} resource types, ${rules} hierarchy rules and ${permissions} permissions.`;

/** One starter template; applying it again is harmless (the domain reuses what the scope already sees). */
export function TemplateCard({ template, scopeId, scopeName, visibleKeys }: { template: Template; scopeId: string; scopeName: string; visibleKeys: string[] }) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const present = template.types.filter((t) => visibleKeys.includes(t.key)).length;
  const titleId = `template-${template.name}`;

  const apply = () =>
    startTransition(async () => {
      const result = await applyTemplateAction(template.name, scopeId);
      setOutcome(result.error ? { ok: false, message: result.error.message } : { ok: true, message: describe(result.data.created) });
    });

  return (
    <article className="panel template-card" aria-labelledby={titleId} data-testid={titleId}>
      <h3 id={titleId}>{template.title}</h3>
      <p className="muted small">{template.description}</p>
      <ul aria-label="Resource types">
        {template.types.map((t) => (
          <li key={t.key} className={visibleKeys.includes(t.key) ? "badge badge-own" : "badge"}>
            {t.key}
          </li>
        ))}
      </ul>
      <p className="small muted">
        {template.hierarchy.length} hierarchy rules; actions {template.actions.join(", ")} on every type.
        {present > 0 && ` ${present} of ${template.types.length} types already visible here.`}
      </p>
      <div>
        <button type="button" className="button button-primary" onClick={apply} disabled={pending} aria-label={`Apply ${template.title} to ${scopeName}`}>
          {pending ? "Applying…" : "Apply"}
        </button>
      </div>
      {outcome && (outcome.ok ? <SuccessMessage>{outcome.message}</SuccessMessage> : <ErrorMessage>{outcome.message}</ErrorMessage>)}
    </article>
  );
}
