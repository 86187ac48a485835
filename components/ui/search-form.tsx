"use client";

import { useId, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** A search box whose text goes into the address bar (`name`), read by the server page; paging restarts. */
export function SearchForm({ label, name = "q", placeholder }: { label: string; name?: string; placeholder?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const id = useId();
  const [text, setText] = useState(params.get(name) ?? "");
  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(e) => {
        e.preventDefault();
        const next = new URLSearchParams(params.toString());
        next.delete("after");
        if (text.trim()) next.set(name, text.trim());
        else next.delete(name);
        router.push(`${pathname}?${next}`);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} />
      </div>
      <button type="submit" className="button">Search</button>
    </form>
  );
}
