"use client";

import { useMemo, useOptimistic, useState, useTransition } from "react";
import type { PermissionView } from "@/lib/permissions/service";
import type { RoleView } from "@/lib/roles/service";
import { setRolePermissionsAction } from "@/app/(console)/types/_actions/roles";
import { ErrorMessage } from "@/components/ui/messages";
import { permissionsViaIncludes } from "./included-permissions";

type Change = { roleId: string; keys: string[] };

/**
 * Rows are roles, columns permissions (grouped by resource type). Each click
 * saves that role's whole permission set at once through setRolePermissions;
 * the box flips right away and flips back if the server refuses. Inherited
 * roles are read-only here: they are edited in the scope that defines them.
 */
export function RolePermissionMatrix({ roles, permissions }: { roles: RoleView[]; permissions: PermissionView[] }) {
  const saved = useMemo(() => Object.fromEntries(roles.map((r) => [r.id, r.permissions])), [roles]);
  const [shown, show] = useOptimistic(saved, (state: Record<string, string[]>, change: Change) => ({ ...state, [change.roleId]: change.keys }));
  const [, startTransition] = useTransition();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const groups = useMemo(() => {
    const byType = new Map<string, PermissionView[]>();
    for (const p of permissions) byType.set(p.resourceType, [...(byType.get(p.resourceType) ?? []), p]);
    return [...byType.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [permissions]);
  const columns = groups.flatMap(([, perms]) => perms);

  if (!roles.length || !permissions.length) {
    return <p className="empty">{roles.length ? "No permissions in this scope yet." : "No roles in this scope yet."} The matrix appears once there are both.</p>;
  }

  const toggle = (role: RoleView, key: string, on: boolean) => {
    const current = shown[role.id] ?? [];
    const keys = on ? [...current, key] : current.filter((k) => k !== key);
    setError(null);
    setBusy((b) => new Set(b).add(role.id));
    startTransition(async () => {
      show({ roleId: role.id, keys });
      const result = await setRolePermissionsAction(role.id, keys);
      if (result.error) setError(`Role ${role.slug} was not changed: ${result.error.message}`);
      setBusy((b) => {
        const next = new Set(b);
        next.delete(role.id);
        return next;
      });
    });
  };

  const links = roles.map((r) => ({ slug: r.slug, permissions: shown[r.id] ?? [], includes: r.includes }));

  return (
    <>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="matrix-wrap">
        <table className="matrix" data-testid="role-permission-matrix">
          <caption className="visually-hidden">Permissions of each role</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Role
              </th>
              {groups.map(([type, perms]) => (
                <th scope="colgroup" colSpan={perms.length} key={type}>
                  {type}
                </th>
              ))}
            </tr>
            <tr>
              {columns.map((p) => (
                <th scope="col" key={p.id} title={p.key}>
                  {p.resourcePattern === "*" ? p.action : `${p.action}:${p.resourcePattern}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => {
              const held = shown[role.id] ?? [];
              const via = permissionsViaIncludes({ slug: role.slug, permissions: held, includes: role.includes }, links);
              return (
                <tr key={role.id} className={busy.has(role.id) ? "busy" : undefined} aria-busy={busy.has(role.id) || undefined}>
                  <th scope="row">
                    <code>{role.slug}</code>
                    {role.inherited && <span className="muted small"> (inherited)</span>}
                  </th>
                  {columns.map((p) => (
                    <td key={p.id}>
                      <input
                        type="checkbox"
                        aria-label={`${role.slug}: ${p.key}`}
                        checked={held.includes(p.key)}
                        disabled={role.inherited}
                        onChange={(e) => toggle(role, p.key, e.target.checked)}
                      />
                      {!held.includes(p.key) && via.has(p.key) && (
                        <span className="muted small" title={`through included role ${via.get(p.key)}`}>
                          {" "}
                          •<span className="visually-hidden"> through {via.get(p.key)}</span>
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">• the role holds this permission through a role it includes.</p>
    </>
  );
}
