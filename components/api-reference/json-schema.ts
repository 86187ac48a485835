/**
 * Just enough of JSON Schema (as zod writes it) to list a request body's
 * fields in words: name, type, required, and the rules a value must meet.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
};

export type FieldRow = { name: string; type: string; required: boolean; rules: string[] };

export function typeOf(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.type === "array") return `${schema.items ? typeOf(schema.items) : "any"}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ?? "any";
}

function rulesOf(schema: JsonSchema): string[] {
  const inner = schema.anyOf?.find((s) => s.type !== "null") ?? schema;
  const rules: string[] = [];
  if (schema.description) rules.push(schema.description);
  if (inner.pattern) rules.push(`matches ${inner.pattern}`);
  if (inner.minLength !== undefined || inner.maxLength !== undefined) rules.push(range("characters", inner.minLength, inner.maxLength));
  if (inner.minItems !== undefined || inner.maxItems !== undefined) rules.push(range("items", inner.minItems, inner.maxItems));
  if (inner.items?.pattern) rules.push(`each matches ${inner.items.pattern}`);
  if (schema.default !== undefined) rules.push(`default ${JSON.stringify(schema.default)}`);
  return rules;
}

const range = (unit: string, min?: number, max?: number) =>
  min !== undefined && max !== undefined ? `${min}–${max} ${unit}` : min !== undefined ? `at least ${min} ${unit}` : `at most ${max} ${unit}`;

/** The fields of an object body, or of each item when the body is an array (batch endpoints). */
export function bodyFields(schema: JsonSchema): { arrayOf?: string; rows: FieldRow[] } {
  const object = schema.type === "array" && schema.items ? schema.items : schema;
  const rows = Object.entries(object.properties ?? {}).map(([name, field]) => ({
    name,
    type: typeOf(field),
    required: object.required?.includes(name) ?? false,
    rules: rulesOf(field),
  }));
  return { arrayOf: object === schema ? undefined : range("items", schema.minItems, schema.maxItems), rows };
}
