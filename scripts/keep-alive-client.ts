/**
 * The bench's load generator: HTTP/1.1 over a fixed set of keep-alive
 * connections, one request in flight on each, requests written as one
 * buffer and answers parsed just enough (status, Content-Length or chunked
 * body). It shares the 2 cores with the server it measures, so it does far
 * less per request than `http.request` (which spent as much CPU as the check
 * it sent) — in the spirit of wrk or autocannon, but able to send a
 * different body per request and to check every answer.
 */
import net from "node:net";

export type Answer = { status: number; body: any };
export type Post = (pathName: string, body: unknown) => Promise<Answer>;
type Send = (method: string, pathName: string, body?: unknown) => Promise<Answer>;

type Waiter = { resolve: (answer: Answer) => void; reject: (error: Error) => void };

class Connection {
  private socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiter: Waiter | null = null;
  closed = false;

  constructor(url: URL) {
    this.socket = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    this.socket.on("data", (data) => this.receive(data));
    this.socket.on("error", (error) => this.fail(error));
    this.socket.on("close", () => this.fail(new Error("connection closed by the server")));
  }

  send(request: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      this.socket.write(request);
    });
  }

  close() {
    this.closed = true;
    this.socket.destroy();
  }

  private fail(error: Error) {
    this.closed = true;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(error);
  }

  private receive(data: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    const answer = this.parse();
    if (!answer) return;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.resolve(answer);
  }

  /** One whole answer off the buffer, or null while it is still arriving. */
  private parse(): Answer | null {
    const headEnd = this.buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) return null;
    const head = this.buffer.subarray(0, headEnd).toString("latin1");
    const status = Number(head.slice(9, 12));
    const start = headEnd + 4;
    let body: Buffer;
    let end: number;
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (length) {
      end = start + Number(length[1]);
      if (this.buffer.length < end) return null;
      body = this.buffer.subarray(start, end);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const chunks: Buffer[] = [];
      let at = start;
      for (;;) {
        const lineEnd = this.buffer.indexOf("\r\n", at);
        if (lineEnd < 0) return null;
        const size = parseInt(this.buffer.subarray(at, lineEnd).toString("latin1"), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return null;
        chunks.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
      end = at;
      body = Buffer.concat(chunks);
    } else {
      end = start;
      body = Buffer.alloc(0);
    }
    this.buffer = this.buffer.subarray(end);
    const text = body.toString("utf8");
    return { status, body: text ? JSON.parse(text) : null };
  }
}

/** A client for `concurrency` requests in flight at most; `close()` ends its connections. */
export function keepAliveClient(url: URL, key: string, concurrency: number): { send: Send; post: Post; close: () => void } {
  const idle: Connection[] = [];
  const all = new Set<Connection>();
  const head = `host: ${url.host}\r\nauthorization: Bearer ${key}\r\ncontent-type: application/json\r\n`;
  const send: Send = async (method, pathName, body) => {
    let connection = idle.pop();
    while (connection?.closed) {
      all.delete(connection);
      connection = idle.pop();
    }
    if (!connection) {
      if (all.size >= concurrency) throw new Error(`more than ${concurrency} requests in flight`);
      all.add((connection = new Connection(url)));
    }
    const payload = Buffer.from(body === undefined ? "" : JSON.stringify(body));
    const request = Buffer.concat([Buffer.from(`${method} ${pathName} HTTP/1.1\r\n${head}content-length: ${payload.length}\r\n\r\n`, "latin1"), payload]);
    try {
      return await connection.send(request);
    } finally {
      if (connection.closed) all.delete(connection);
      else idle.push(connection);
    }
  };
  return { send, post: (pathName, body) => send("POST", pathName, body), close: () => all.forEach((c) => c.close()) };
}
