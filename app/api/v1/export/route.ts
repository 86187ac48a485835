import { exportTuples } from "@/lib/import/export";
import { nativeRoute } from "../_native/adapter";

export const GET = nativeRoute(async ({ db }) => {
  const lines = exportTuples(db);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const batch: string[] = [];
      for (let i = 0; i < 5000; i++) {
        const next = await lines.next();
        if (next.done) break;
        batch.push(next.value);
      }
      if (batch.length) controller.enqueue(encoder.encode(batch.join("\n") + "\n"));
      if (batch.length < 5000) controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/plain; charset=utf-8" } });
}, { wholeEnvironment: true });
