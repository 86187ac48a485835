/**
 * The Zanzibar tuple format of the benchmark dataset:
 * `type:id#relation@type:id[#relation]`. `parent` and `member` are
 * structural; every other relation names a role.
 */
export type Tuple = {
  objectType: string;
  objectId: string;
  relation: string;
  subjectType: string;
  subjectId: string;
  subjectRelation: string | null;
};

// Ids exclude control characters: PostgreSQL stores no NUL, and none belongs in an id.
const TUPLE = /^([a-z][a-z0-9-]{0,63}):([^\s#@\x00-\x1f\x7f-\x9f]{1,256})#([a-z0-9][a-z0-9_-]{0,63})@([a-z][a-z0-9-]{0,63}):([^\s#@\x00-\x1f\x7f-\x9f]{1,256})(?:#([a-z][a-z0-9_-]{0,63}))?$/;
export const MAX_LINE_LENGTH = 1200;

export type ParsedLine = { kind: "tuple"; tuple: Tuple } | { kind: "skip" } | { kind: "error"; message: string };

export function parseTupleLine(line: string): ParsedLine {
  const text = line.trim();
  if (!text || text.startsWith("#") || text.startsWith("//")) return { kind: "skip" };
  if (text.length > MAX_LINE_LENGTH) return { kind: "error", message: `line is longer than ${MAX_LINE_LENGTH} characters` };
  const m = TUPLE.exec(text);
  if (!m) return { kind: "error", message: `not a tuple: expected type:id#relation@type:id[#relation], got '${text.slice(0, 120)}'` };
  return { kind: "tuple", tuple: { objectType: m[1], objectId: m[2], relation: m[3], subjectType: m[4], subjectId: m[5], subjectRelation: m[6] ?? null } };
}

export function formatTuple(t: Tuple): string {
  return `${t.objectType}:${t.objectId}#${t.relation}@${t.subjectType}:${t.subjectId}${t.subjectRelation ? `#${t.subjectRelation}` : ""}`;
}

/**
 * Splits a stream of text chunks into lines without holding the whole body.
 * Lines end with `\n`, `\r\n` or a lone `\r` (old Mac files): read as one
 * line, such a file would be a single comment or a single error. A `\r` at the
 * end of a chunk waits for the next one, which may begin with its `\n`.
 */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const held = text.endsWith("\r") ? 1 : 0;
    const parts = text.slice(0, text.length - held).split(/\r\n|\n|\r/);
    rest = (parts.pop() ?? "") + text.slice(text.length - held);
    for (const part of parts) yield part;
    // A "line" without end is hostile input: hand it on so the parser rejects it by length.
    if (rest.length > MAX_LINE_LENGTH * 4) {
      yield rest;
      rest = "";
    }
  }
  if (rest.endsWith("\r")) rest = rest.slice(0, -1);
  if (rest) yield rest;
}
