import type { PermissionView } from "@/lib/permissions/service";

/**
 * Which actions each type has permissions for, at a glance: ✓ when a
 * permission covers every resource of the type (pattern *), otherwise the
 * number of narrower patterns.
 */
export function ActionMatrix({ typeKeys, permissions }: { typeKeys: string[]; permissions: PermissionView[] }) {
  const actions = [...new Set(permissions.map((p) => p.action))].sort();
  if (!actions.length) return <p className="empty">No permissions yet.</p>;
  const cell = (type: string, action: string) => {
    const matching = permissions.filter((p) => p.resourceType === type && p.action === action);
    if (matching.some((p) => p.resourcePattern === "*")) {
      return (
        <span className="yes" title={`${type}:${action} on every ${type}`}>
          ✓<span className="visually-hidden"> all</span>
        </span>
      );
    }
    return matching.length ? <span title={matching.map((p) => p.resourcePattern).join(", ")}>{matching.length} pattern{matching.length > 1 ? "s" : ""}</span> : null;
  };
  return (
    <div className="matrix-wrap">
      <table className="matrix" data-testid="action-matrix">
        <caption className="visually-hidden">Actions with permissions, per resource type</caption>
        <thead>
          <tr>
            <th scope="col">Type \ action</th>
            {actions.map((action) => (
              <th scope="col" key={action}>
                {action}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {typeKeys.map((type) => (
            <tr key={type}>
              <th scope="row">{type}</th>
              {actions.map((action) => (
                <td key={action}>{cell(type, action)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
