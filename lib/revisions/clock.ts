/**
 * What this process knows about the latest committed revision, per database.
 * On PostgreSQL other processes write too, so `latest()` reads the counter —
 * one single-row query at a time, shared by every caller that arrived before
 * it was sent. On embedded PGlite this process is the only writer, so its own
 * commits are the whole truth and no query is needed after the first.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { eq } from "drizzle-orm";
import { isEmbedded, type Database } from "@/db/client";
import { revisionCounter } from "@/db/schema";
import { processGlobal } from "@/lib/shared/process-global";

class RevisionClock {
  private known = 0;
  private primed = false;
  /** Reads are numbered in the order they are sent; one is in flight at a time. */
  private sent = 0;
  private completed = 0;
  private inFlight: { number: number; value: Promise<number> } | null = null;
  /** The read every caller since the last one was sent waits for; sent once the current turn of the event loop is done. */
  private next: Promise<number> | null = null;

  /** Prepared once: this read runs for nearly every API request on PostgreSQL. */
  private readonly latestQuery;

  constructor(private readonly db: Database) {
    this.latestQuery = db.select({ value: revisionCounter.value }).from(revisionCounter).where(eq(revisionCounter.id, 1)).prepare("arbor_latest_revision");
  }

  /** A commit made (or a revision read) by this process. */
  observe(revision: number) {
    if (revision > this.known) this.known = revision;
  }

  /** Reads numbered above the mark are sent after this moment. */
  mark(): number {
    return this.sent;
  }

  /** The latest committed revision, as of a moment after this call (or, within `withinRequest`, after the request arrived). */
  latest(): Promise<number> {
    if (this.primed && isEmbedded(this.db)) return Promise.resolve(this.known);
    const arrival = arrivals.getStore();
    return this.readAfter(arrival?.clock === this ? arrival.mark : this.sent);
  }

  /** The result of a read sent after read number `after` was. */
  private readAfter(after: number): Promise<number> {
    if (this.completed > after) return Promise.resolve(this.known);
    if (this.inFlight && this.inFlight.number > after) return this.inFlight.value;
    // Sent after this turn of the event loop, the read answers every request parsed in it: under load
    // one read then serves several requests, and each of them arrived before it was sent.
    this.next ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.inFlight?.value.catch(() => 0))
      .then(() => this.send());
    return this.next;
  }

  private send(): Promise<number> {
    this.next = null;
    const number = ++this.sent;
    const value = this.read()
      .then((revision) => {
        this.completed = number;
        return revision;
      })
      .finally(() => {
        if (this.inFlight?.number === number) this.inFlight = null;
      });
    this.inFlight = { number, value };
    return value;
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
