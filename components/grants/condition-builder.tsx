"use client";

import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { OPERATORS, type Operator } from "@/lib/grants/conditions";
import type { GrantFormValues } from "./grant-input";

const HINTS: Partial<Record<Operator, string>> = {
  StringEquals: "one value, or several separated by commas",
  StringNotEquals: "one value, or several separated by commas",
  StringLike: "patterns with *, separated by commas",
  NumericEquals: "a number",
  NumericLessThan: "a number",
  NumericGreaterThan: "a number",
  Bool: "true or false",
  IpAddress: "addresses or CIDR ranges, e.g. 10.0.0.0/8",
  DateLessThan: "an ISO date, e.g. 2026-12-31",
  DateGreaterThan: "an ISO date, e.g. 2026-01-01",
};

type Props = {
  control: Control<GrantFormValues>;
  register: UseFormRegister<GrantFormValues>;
  errors: FieldErrors<GrantFormValues>;
  /** The operator chosen in each row, for its value hint. */
  chosen: (Operator | undefined)[];
};

/** Rows of parameter / operator / value; every condition must hold in the check's context for the grant to apply. */
export function ConditionBuilder({ control, register, errors, chosen }: Props) {
  const { fields, append, remove } = useFieldArray({ control, name: "conditions" });
  return (
    <fieldset className="field conditions">
      <legend>Conditions (optional)</legend>
      <p className="field-hint">The grant applies only when every condition holds for the context given to a check (e.g. {"{"}&quot;ip&quot;: &quot;10.1.2.3&quot;{"}"}).</p>
      {fields.map((field, i) => {
        const rowErrors = errors.conditions?.[i];
        const operator = chosen[i] ?? field.operator;
        return (
          <div className="condition-row" key={field.id} role="group" aria-label={`Condition ${i + 1}`}>
            <label className="field">
              <span>Parameter</span>
              <input {...register(`conditions.${i}.param`)} aria-invalid={Boolean(rowErrors?.param)} className="mono" placeholder="ip" />
              {rowErrors?.param && <span className="field-error">{rowErrors.param.message}</span>}
            </label>
            <label className="field">
              <span>Operator</span>
              <select {...register(`conditions.${i}.operator`)}>
                {OPERATORS.map((op) => (
                  <option key={op} value={op}>
                    {op}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Value</span>
              <input {...register(`conditions.${i}.value`)} aria-invalid={Boolean(rowErrors?.value)} className="mono" placeholder={HINTS[operator]} />
              {rowErrors?.value && <span className="field-error">{rowErrors.value.message}</span>}
            </label>
            <button type="button" className="button button-ghost button-small danger" onClick={() => remove(i)} aria-label={`Remove condition ${i + 1}`}>
              Remove
            </button>
          </div>
        );
      })}
      <div>
        <button type="button" className="button button-small" onClick={() => append({ param: "", operator: "StringEquals", value: "" })}>
          Add condition
        </button>
      </div>
    </fieldset>
  );
}
