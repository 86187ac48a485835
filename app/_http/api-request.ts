/**
 * A request as the API adapters read it, whichever server received it.
 * Next.js hands route handlers a web `Request` (`fromRequest`); the server's
 * hot path (scripts/hot-routes.mjs) hands over Node's request with its body
 * already read (`fromBuffered`), sparing the web-standard objects whose
 * construction cost more than the decision the request asks for.
 */
import type { IncomingHttpHeaders } from "node:http";
import { ArborError } from "@/lib/shared/errors";

export interface ApiRequest {
  readonly method: string;
  readonly pathname: string;
  header(name: string): string | null;
  query(): URLSearchParams;
  /** The whole body as text (read once, then remembered); above `maxBytes` it is refused (413, field `body`). */
  text(maxBytes: number): Promise<string>;
  /** The body as a stream, for bodies read piece by piece (tuple import); null without a body. */
  stream(): ReadableStream<Uint8Array> | null;
}

/** A request whose body Node.js has read in full. */
export type BufferedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer };

/** Stateless between calls (no `stream` option), so one serves every request; like every decoder it drops a leading BOM. */
const utf8 = new TextDecoder();

const tooLarge = (maxBytes: number) =>
  new ArborError("limit", `request body is larger than ${maxBytes} bytes`, [
    { field: "body", rule: "max_bytes", message: `body: at most ${maxBytes} bytes` },
  ]);

function boundedText(text: string, maxBytes: number): string {
  // A character takes at most 3 UTF-8 bytes per UTF-16 unit: short texts need no count.
  if (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  return text;
}

export function fromRequest(req: Request & { nextUrl?: URL }): ApiRequest {
  const url = req.nextUrl ?? new URL(req.url);
  let text: Promise<string> | undefined;
  return {
    method: req.method,
    pathname: url.pathname,
    header: (name) => req.headers.get(name),
    query: () => url.searchParams,
    text: async (maxBytes) => boundedText(await (text ??= readStream(req, maxBytes)), maxBytes),
    stream: () => req.body,
  };
}

/** Reads the body as it arrives and stops past `maxBytes`. */
async function readStream(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return utf8.decode(Buffer.concat(chunks));
}

export function fromBuffered(req: BufferedRequest): ApiRequest {
  const q = req.url.indexOf("?");
  const pathname = q < 0 ? req.url : req.url.slice(0, q);
  let text: string | undefined;
  return {
    method: req.method,
    pathname,
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    query: () => new URLSearchParams(q < 0 ? "" : req.url.slice(q + 1)),
    text: async (maxBytes) => {
      if (req.body.byteLength > maxBytes) throw tooLarge(maxBytes);
      return (text ??= utf8.decode(req.body));
    },
    stream: () => (req.body.byteLength ? new Blob([new Uint8Array(req.body)]).stream() : null),
  };
}
