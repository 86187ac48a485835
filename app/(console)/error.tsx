"use client";

import { PageHeader } from "@/components/shell/page-header";

/** Unexpected failures while rendering a console page (domain refusals are shown in place, not here). */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <PageHeader title="This page could not be shown" />
      <div className="alert alert-error" role="alert">
        {error.message || "The server failed to render this page."}
        {error.digest && <span className="small"> (reference {error.digest})</span>}
      </div>
      <button type="button" className="button" onClick={reset}>Try again</button>
    </>
  );
}
