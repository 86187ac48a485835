export default function Loading() {
  return (
    <div className="panel" role="status" aria-live="polite">
      <p className="muted">Loading the resource…</p>
    </div>
  );
}
