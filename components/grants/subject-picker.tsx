"use client";

import { useEffect, useId, useState } from "react";
import { searchSubjectsAction } from "@/app/(console)/grants/_actions/grants";
import type { SubjectHit, SubjectKind } from "@/lib/subjects/search";

const DEBOUNCE_MS = 200;

type Props = {
  organizationId: string;
  label: string;
  value: SubjectHit | null;
  onChange: (subject: SubjectHit | null) => void;
  kinds?: SubjectKind[];
  error?: string;
  hint?: string;
};

/**
 * A combobox over users, groups, departments and roles, searched on the
 * server as you type. Arrow keys move through the options, Enter picks one,
 * Escape closes the list.
 */
export function SubjectPicker({ organizationId, label, value, onChange, kinds, error, hint }: Props) {
  const id = useId();
  const [text, setText] = useState(value ? value.label : "");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<SubjectHit[]>([]);
  const [active, setActive] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const kindsKey = kinds?.join(",") ?? "";

  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await searchSubjectsAction({ organization: organizationId, search: text.trim(), ...(kindsKey ? { kinds: kindsKey.split(",") } : {}) });
      if (!current) return;
      if (result.error) setFailure(result.error.message);
      else {
        setFailure(null);
        setOptions(result.data);
        setActive(0);
      }
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, text, organizationId, kindsKey]);

  const pick = (option: SubjectHit) => {
    onChange(option);
    setText(option.label);
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter" && open && options[active]) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        autoComplete="off"
        value={text}
        placeholder="Search users, groups, departments, roles…"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {value && (
        <span className="field-hint">
          Chosen: {value.type} <code>{value.ref}</code>
        </span>
      )}
      {open && (
        <ul id={listId} role="listbox" className="combobox-list" aria-label={`${label} options`}>
          {failure && <li className="field-error">{failure}</li>}
          {!failure && options.length === 0 && <li className="muted small combobox-empty">No match.</li>}
          {options.map((option, i) => (
            <li
              key={`${option.type}:${option.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "combobox-option is-active" : "combobox-option"}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
            >
              <span className="subject-type">{option.type}</span> {option.label}
              {option.detail && <span className="muted small"> · {option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
