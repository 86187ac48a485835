"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { Field } from "@/components/ui/field";

/** Entity types the domain records (lib/**: `record({ entityType })`). */
export const ENTITY_TYPES = [
  "resource",
  "grant",
  "user",
  "group",
  "group_member",
  "department",
  "department_member",
  "membership",
  "organization",
  "scope",
  "resource_type",
  "type_rule",
  "permission",
  "role",
  "api_key",
  "access_key",
  "import",
];

export type ChangeFilterValues = { entityType: string; entityId: string; actor: string; since: string; until: string };

const dateText = z.string().refine((v) => !v || !Number.isNaN(Date.parse(v)), "Not a date and time");
const schema = z
  .object({ entityType: z.string().max(64), entityId: z.string().max(200), actor: z.string().max(200), since: dateText, until: dateText })
  .refine((v) => !v.since || !v.until || Date.parse(v.since) <= Date.parse(v.until), { message: "Must be after “From”", path: ["until"] });

/** Filters go into the address bar; times are entered in the browser's local time and sent as UTC. `since`/`until` arrive as ISO. */
export function ChangeFilters({ initial, actors }: { initial: ChangeFilterValues; actors: string[] }) {
  const router = useRouter();
  const typesId = useId();
  const actorsId = useId();
  const form = useForm<ChangeFilterValues>({
    resolver: zodResolver(schema),
    defaultValues: { ...initial, since: toLocalInput(initial.since), until: toLocalInput(initial.until) },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((v) => {
    const q = new URLSearchParams();
    if (v.entityType) q.set("entityType", v.entityType);
    if (v.entityId.trim()) q.set("entityId", v.entityId.trim());
    if (v.actor.trim()) q.set("actor", v.actor.trim());
    if (v.since) q.set("since", new Date(v.since).toISOString());
    if (v.until) q.set("until", new Date(v.until).toISOString());
    router.push(`/changes${q.size ? `?${q}` : ""}`);
  });
  return (
    <form className="filter-bar" role="search" aria-label="Filter changes" onSubmit={onSubmit} noValidate>
      <Field label="Entity type" error={errors.entityType?.message}>
        {(control) => <input {...control} {...form.register("entityType")} list={typesId} className="mono" placeholder="any" />}
      </Field>
      <datalist id={typesId}>
        {ENTITY_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <Field label="Entity id" error={errors.entityId?.message}>
        {(control) => <input {...control} {...form.register("entityId")} className="mono" placeholder="any" />}
      </Field>
      <Field label="Actor" error={errors.actor?.message}>
        {(control) => <input {...control} {...form.register("actor")} list={actorsId} className="mono" placeholder="anyone" />}
      </Field>
      <datalist id={actorsId}>
        {actors.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <Field label="From" error={errors.since?.message}>
        {(control) => <input {...control} type="datetime-local" {...form.register("since")} />}
      </Field>
      <Field label="Until" error={errors.until?.message}>
        {(control) => <input {...control} type="datetime-local" {...form.register("until")} />}
      </Field>
      <div className="filter-actions">
        <button type="submit" className="button button-primary">Filter</button>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            form.reset({ entityType: "", entityId: "", actor: "", since: "", until: "" });
            router.push("/changes");
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

/** An ISO time as the browser's datetime-local input shows it (local time, to the minute). */
function toLocalInput(iso: string): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
