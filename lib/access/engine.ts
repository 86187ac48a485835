/**
 * One decision engine per database per process. Every query first makes sure
 * the in-memory state is at least as fresh as asked:
 *   - `atLeastAsFresh: R` → answered from state ≥ R (syncing first if needed);
 *   - no revision given → fully consistent: synced to the latest committed
 *     revision (see lib/revisions/clock.ts for what that costs).
 */
import type { Database } from "@/db/client";
import { invalid } from "@/lib/shared/errors";
import { revisionClock } from "@/lib/revisions/clock";
import { processGlobal } from "@/lib/shared/process-global";
import type { AccessState } from "./state";
import { loadState, syncState } from "./sync";

export class AccessEngine {
  private state: AccessState | null = null;
  private syncing: Promise<AccessState> | null = null;

  constructor(private readonly db: Database) {}

  /** The state to answer from, at least at `atLeastAsFresh` (or at the latest revision when absent). */
  async fresh(atLeastAsFresh?: number): Promise<AccessState> {
    let state = this.state ?? (await this.sync());
    if (atLeastAsFresh !== undefined && state.revision >= atLeastAsFresh) return state;
    const latest = await revisionClock(this.db).latest();
    if (atLeastAsFresh !== undefined && atLeastAsFresh > latest) {
      throw invalid("atLeastAsFresh", "max", `atLeastAsFresh: revision ${atLeastAsFresh} does not exist yet (latest is ${latest})`);
    }
    // A sync already under way may have started before `latest` committed: then sync again.
    while (state.revision < latest) state = await this.sync();
    return state;
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
}

// One engine per database for the whole process: the console and the API routes share one in-memory index.
const engines = processGlobal("access-engines", () => new WeakMap<Database, AccessEngine>());

export function accessEngine(db: Database): AccessEngine {
  let engine = engines.get(db);
  if (!engine) engines.set(db, (engine = new AccessEngine(db)));
  return engine;
}
