/**
 * State that must exist once per process, however many copies of lib/ are
 * loaded. Next.js compiles lib/ once per layer — route handlers, and console
 * pages with their server actions — so module-level state would exist twice:
 * the decision engine's in-memory index loaded twice, and a copy that never
 * saw a write made through the other one answering from before it (on PGlite
 * the revision clock learns of writes only from this process's commits).
 * Keyed by a registered symbol, so every copy finds the same value.
 */
export function processGlobal<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`arbor.${name}`);
  return (holder[key] ??= create());
}
