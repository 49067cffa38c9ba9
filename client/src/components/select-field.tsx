import type { ReactNode } from 'react';
import type { SelectOption } from '../lib/select-options';

type Props = {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** Label of a first, empty choice ("any", "none", "choose …"); left out when every choice is a value. */
  emptyLabel?: string;
  /** Label and select side by side, as in filter bars. */
  inline?: boolean;
  disabled?: boolean;
};

/** A labelled <select>: one place for the field markup every form and filter bar repeats. */
export function SelectField({ id, label, value, onChange, options, emptyLabel, inline = false, disabled = false }: Props) {
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
