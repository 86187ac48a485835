/**
 * Glob patterns over external ids: `*` matches any run of characters, every
 * other character matches itself. Matching is linear-time (greedy with one
 * backtrack point), so no pattern can cause catastrophic backtracking.
 */
export const MAX_PATTERN_LENGTH = 256;

export function globMatch(pattern: string, text: string): boolean {
  if (pattern === "*") return true;
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== "*" && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

export const isGlob = (pattern: string) => pattern.includes("*");

/** The literal part before the first `*`: lets lookups narrow candidates by prefix. */
export const globPrefix = (pattern: string) => {
  const star = pattern.indexOf("*");
  return star < 0 ? pattern : pattern.slice(0, star);
};
