import { useId } from "react";

type Props = {
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  empty: string;
};

/** A set of checkboxes editing one list of strings, under a legend that names the list. */
export function CheckboxGroup({ legend, options, value, onChange, error, empty }: Props) {
  const errorId = useId();
  return (
    <fieldset className="field" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 && <span className="field-hint">{empty}</span>}
      <div className="checkbox-list">
        {options.map((option) => (
          <label className="checkbox" key={option.value}>
            <input
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
