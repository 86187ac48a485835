import Link from "next/link";
import { PageHeader } from "./page-header";

/** The placeholder for console areas that later issues build. */
export function ComingSoon({ title, summary, plans }: { title: string; summary: string; plans: string[] }) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <section className="panel coming" aria-labelledby="coming-title">
        <h2 id="coming-title">Coming</h2>
        <p className="muted">This area is not built yet. It will let you:</p>
        <ul>
          {plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
        <p>
          Meanwhile, define resource types, permissions and roles in the <Link href="/types">type manager</Link>, or use the{" "}
          <Link href="/api-reference">native API</Link>.
        </p>
      </section>
    </>
  );
}
