import { importTuples } from "@/lib/import/import";
import { linesOf } from "@/lib/import/tuples";
import { ArborError } from "@/lib/shared/errors";
import { nativeRoute, written } from "../_native/adapter";

const MAX_IMPORT_BYTES = Number(process.env.ARBOR_IMPORT_MAX_BYTES ?? 256 * 1024 * 1024);

/** Decodes the body as it arrives and stops reading past the size limit. */
async function* textOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_IMPORT_BYTES) throw new ArborError("limit", `import body is larger than ${MAX_IMPORT_BYTES} bytes`, [{ field: "body", rule: "max_bytes", message: `body: at most ${MAX_IMPORT_BYTES} bytes` }]);
    yield decoder.decode(chunk, { stream: true });
  }
  yield decoder.decode();
}

export const POST = nativeRoute(async ({ req, db, actor }) => {
  const body = req.stream();
  if (!body) throw new ArborError("validation", "body: send tuples, one per line", [{ field: "body", rule: "required", message: "body: send tuples, one per line" }]);
  const { value, revision } = await importTuples(db, actor, linesOf(textOf(body)));
  return written(value, revision);
}, { write: true, wholeEnvironment: true });
