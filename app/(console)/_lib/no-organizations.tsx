import Link from "next/link";

/** What organization-scoped pages show on an installation without organizations. */
export function NoOrganizations() {
  return (
    <section className="panel welcome" aria-labelledby="no-orgs-title">
      <h2 id="no-orgs-title">No organizations yet</h2>
      <p className="muted">
        Grants, subjects and decisions live inside an organization. Create one, or load the demo data, on the <Link href="/resources">Resources</Link> page.
      </p>
    </section>
  );
}
