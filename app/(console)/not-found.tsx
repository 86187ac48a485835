import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";

export default function ConsoleNotFound() {
  return (
    <>
      <PageHeader title="Not found" description="Nothing lives at this address: it may have been deleted, or the link is wrong." />
      <Link className="button" href="/types">Back to the type manager</Link>
    </>
  );
}
