/**
 * One decision engine per database per process. Every query first makes sure
 * the in-memory state is at least as fresh as asked:
 *   - `atLeastAsFresh: R` → answered from state ≥ R (syncing first if needed);
 *   - no revision given → fully consistent: the latest committed revision is
 *     read (one single-row query, shared by concurrent requests) and the state
 *     synced to it.
 */
import type { Database } from "@/db/client";
import { invalid } from "@/lib/shared/errors";
import { currentRevision } from "@/lib/revisions/write";
import type { AccessState } from "./state";
import { loadState, syncState } from "./sync";

export class AccessEngine {
  private state: AccessState | null = null;
  private syncing: Promise<AccessState> | null = null;
  private revisionRead: Promise<number> | null = null;
  private nextRevisionRead: Promise<number> | null = null;

  constructor(private readonly db: Database) {}

  /** The state to answer from, at least at `atLeastAsFresh` (or at the latest revision when absent). */
  async fresh(atLeastAsFresh?: number): Promise<AccessState> {
    const state = this.state ?? (await this.sync());
    if (atLeastAsFresh !== undefined && state.revision >= atLeastAsFresh) return state;
    const latest = await this.latestRevision();
    if (atLeastAsFresh !== undefined && atLeastAsFresh > latest) {
      throw invalid("atLeastAsFresh", "max", `atLeastAsFresh: revision ${atLeastAsFresh} does not exist yet (latest is ${latest})`);
    }
    if (this.state && this.state.revision >= latest) return this.state;
    return this.sync();
  }

  /** The revision the state is at, without touching the database. */
  get revision(): number {
    return this.state?.revision ?? 0;
  }

  private sync(): Promise<AccessState> {
    this.syncing ??= (async () => {
      try {
        this.state = this.state ? await syncState(this.db, this.state) : await loadState(this.db);
        return this.state;
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  /**
   * A revision read that started after this call: requests arriving while one
   * read is in flight share the next one, so the database sees at most one
   * revision query at a time however many checks run.
   */
  private latestRevision(): Promise<number> {
    if (!this.revisionRead) {
      this.revisionRead = currentRevision(this.db).finally(() => (this.revisionRead = null));
      return this.revisionRead;
    }
    this.nextRevisionRead ??= this.revisionRead
      .catch(() => 0)
      .then(() => {
        this.nextRevisionRead = null;
        return this.latestRevision();
      });
    return this.nextRevisionRead;
  }
}

const engines = new WeakMap<Database, AccessEngine>();

export function accessEngine(db: Database): AccessEngine {
  let engine = engines.get(db);
  if (!engine) engines.set(db, (engine = new AccessEngine(db)));
  return engine;
}
