/**
 * What this process knows about the latest committed revision, per database.
 * On PostgreSQL other processes write too, so `latest()` reads the counter —
 * one single-row query at a time, shared by every caller waiting for it. On
 * embedded PGlite this process is the only writer, so its own commits are the
 * whole truth and no query is needed after the first.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { eq } from "drizzle-orm";
import { isEmbedded, type Database } from "@/db/client";
import { revisionCounter } from "@/db/schema";
import { processGlobal } from "@/lib/shared/process-global";

class RevisionClock {
  private known = 0;
  private primed = false;
  /** Reads are numbered in the order they start; one runs at a time. */
  private started = 0;
  private completed = 0;
  private inFlight: { number: number; value: Promise<number> } | null = null;
  private queued: Promise<number> | null = null;

  /** Prepared once: this read runs for nearly every API request on PostgreSQL. */
  private readonly latestQuery;

  constructor(private readonly db: Database) {
    this.latestQuery = db.select({ value: revisionCounter.value }).from(revisionCounter).where(eq(revisionCounter.id, 1)).prepare("arbor_latest_revision");
  }

  /** A commit made (or a revision read) by this process. */
  observe(revision: number) {
    if (revision > this.known) this.known = revision;
  }

  /** Reads numbered above the mark start after this moment. */
  mark(): number {
    return this.started;
  }

  /** The latest committed revision, as of a moment after this call (or, within `withinRequest`, after the request arrived). */
  latest(): Promise<number> {
    if (this.primed && isEmbedded(this.db)) return Promise.resolve(this.known);
    const arrival = arrivals.getStore();
    return this.readAfter(arrival?.clock === this ? arrival.mark : this.started);
  }

  /** A revision read that started after read number `after` did. */
  private readAfter(after: number): Promise<number> {
    if (this.completed > after) return Promise.resolve(this.known);
    if (!this.inFlight) {
      const number = ++this.started;
      const value = this.read()
        .then((revision) => {
          this.completed = number;
          return revision;
        })
        .finally(() => (this.inFlight = null));
      this.inFlight = { number, value };
      return value;
    }
    if (this.inFlight.number > after) return this.inFlight.value;
    // The read in flight started too early: wait for the next one, which every caller waiting now shares.
    const early = this.inFlight.number;
    this.queued ??= this.inFlight.value
      .catch(() => 0)
      .then(() => {
        this.queued = null;
        return this.readAfter(early);
      });
    return this.queued;
  }

  private async read(): Promise<number> {
    const [row] = await this.latestQuery.execute();
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

const arrivals = processGlobal("revision-arrivals", () => new AsyncLocalStorage<{ clock: RevisionClock; mark: number }>());

/**
 * Runs one API request. A fully consistent answer needs a revision read made
 * after the request arrived; within `fn` every caller (authentication, then
 * the engine) shares the first such read instead of each waiting for its own.
 */
export function withinRequest<T>(db: Database, fn: () => T): T {
  const clock = revisionClock(db);
  return arrivals.run({ clock, mark: clock.mark() }, fn);
}
