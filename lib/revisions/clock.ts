/**
 * What this process knows about the latest committed revision, per database.
 * On PostgreSQL other processes write too, so `latest()` reads the counter —
 * one single-row query at a time, shared by every caller waiting for it. On
 * embedded PGlite this process is the only writer, so its own commits are the
 * whole truth and no query is needed after the first.
 */
import { eq } from "drizzle-orm";
import { isEmbedded, type Database } from "@/db/client";
import { revisionCounter } from "@/db/schema";
import { processGlobal } from "@/lib/shared/process-global";

class RevisionClock {
  private known = 0;
  private primed = false;
  private inFlight: Promise<number> | null = null;
  private queued: Promise<number> | null = null;

  constructor(private readonly db: Database) {}

  /** A commit made (or a revision read) by this process. */
  observe(revision: number) {
    if (revision > this.known) this.known = revision;
  }

  /** The latest committed revision, as of a moment after this call. */
  latest(): Promise<number> {
    if (this.primed && isEmbedded(this.db)) return Promise.resolve(this.known);
    if (!this.inFlight) {
      this.inFlight = this.read().finally(() => (this.inFlight = null));
      return this.inFlight;
    }
    // A read already in flight may have started before this call: wait for the next one.
    this.queued ??= this.inFlight
      .catch(() => 0)
      .then(() => {
        this.queued = null;
        return this.latest();
      });
    return this.queued;
  }

  private async read(): Promise<number> {
    const [row] = await this.db.select({ value: revisionCounter.value }).from(revisionCounter).where(eq(revisionCounter.id, 1));
    this.observe(row?.value ?? 0);
    this.primed = true;
    return this.known;
  }
}

/**
 * One clock per database for the whole process: a copy of this module that
 * never saw a console write would keep answering from before it (a key
 * revoked in the console would still work on PGlite).
 */
const clocks = processGlobal("revision-clocks", () => new WeakMap<Database, RevisionClock>());

export function revisionClock(db: Database): RevisionClock {
  let clock = clocks.get(db);
  if (!clock) clocks.set(db, (clock = new RevisionClock(db)));
  return clock;
}
