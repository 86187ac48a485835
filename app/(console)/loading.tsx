/** While a console page is rendered on the server; areas with their own loading state override this one. */
export default function Loading() {
  return (
    <div className="panel" role="status" aria-live="polite">
      <p className="muted">Loading…</p>
    </div>
  );
}
