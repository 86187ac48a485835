/**
 * A before/after diff of one change-log entry, field by field: changed
 * fields are marked, unchanged ones dimmed. Created and deleted entities show
 * one side only.
 */
type Json = Record<string, unknown> | null;

const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const b = (before && typeof before === "object" ? before : null) as Json;
  const a = (after && typeof after === "object" ? after : null) as Json;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return (
    <table className="diff" aria-label="Before and after">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const from = b ? show(b[key]) : "";
          const to = a ? show(a[key]) : "";
          const changed = from !== to;
          return (
            <tr key={key} className={changed ? "diff-changed" : "diff-same"}>
              <th scope="row">
                {key}
                {changed && <span className="visually-hidden"> (changed)</span>}
              </th>
              <td className={changed && b ? "diff-before" : undefined}>{from}</td>
              <td className={changed && a ? "diff-after" : undefined}>{to}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
