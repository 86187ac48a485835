/**
 * A small glyph per resource type: its initial on a colour derived from the
 * key, so the same type looks the same everywhere (tree, tables, paths)
 * without anyone choosing icons. Decorative: the type is always also in text.
 */
const PALETTE = ["#1f7a4d", "#2d6cb5", "#a0620a", "#7b4bb5", "#b4335a", "#0f7c85", "#5a6b12", "#8a5a44"];

function colourOf(type: string): string {
  let hash = 0;
  for (const c of type) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

export function TypeIcon({ type }: { type: string }) {
  const organization = type === "organization";
  return (
    <span className={organization ? "type-icon type-icon-org" : "type-icon"} style={organization ? undefined : { background: colourOf(type) }} aria-hidden="true" title={type}>
      {organization ? "◆" : type.charAt(0).toUpperCase()}
    </span>
  );
}
