import { getArbor } from "@/lib/runtime";
import { currentRevision } from "@/lib/revisions/write";

/** Liveness and readiness: answers once the database is connected and migrated. */
export async function GET() {
  try {
    const { db, kind } = await getArbor();
    return Response.json({ ok: true, database: kind, revision: await currentRevision(db) });
  } catch (error) {
    console.error("health: database unavailable", error);
    return Response.json({ ok: false }, { status: 503 });
  }
}
