import { bodyFields, type JsonSchema } from "./json-schema";

export type OperationView = {
  method: string;
  path: string;
  summary: string;
  query?: Record<string, string>;
  body?: JsonSchema;
};

export function OperationItem({ op }: { op: OperationView }) {
  const body = op.body ? bodyFields(op.body) : null;
  return (
    <div className="operation" data-testid="api-operation">
      <div className="operation-line">
        <span className={`method method-${op.method}`}>{op.method}</span>
        <code>/api/v1{op.path}</code>
        <span>{op.summary}</span>
      </div>
      {op.query && Object.keys(op.query).length > 0 && (
        <p className="small muted">
          Query:{" "}
          {Object.entries(op.query).map(([name, note], i) => (
            <span key={name}>
              {i > 0 && ", "}
              <code>{name}</code>
              {note && ` (${note})`}
            </span>
          ))}
        </p>
      )}
      {body && op.body && (
        <details>
          <summary>Request body{body.arrayOf && `: a JSON array (${body.arrayOf}) of objects`}</summary>
          <table className="table schema-fields">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Type</th>
                <th scope="col">Required</th>
                <th scope="col">Rules</th>
              </tr>
            </thead>
            <tbody>
              {body.rows.map((row) => (
                <tr key={row.name}>
                  <td>
                    <code>{row.name}</code>
                  </td>
                  <td>
                    <code>{row.type}</code>
                  </td>
                  <td>{row.required ? "yes" : "no"}</td>
                  <td className="small">{row.rules.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>JSON Schema</summary>
            <pre>{JSON.stringify(op.body, null, 2)}</pre>
          </details>
        </details>
      )}
    </div>
  );
}
