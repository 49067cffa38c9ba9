import { useId } from 'react';

type Choice = { value: string; label: string };
type Props = { legend: string; choices: readonly Choice[]; chosen: readonly string[]; onChange: (chosen: string[]) => void; empty?: string };

/** A labelled group of checkboxes for picking several of a list: co-moderators, an item's links. */
export function ChoiceList({ legend, choices, chosen, onChange, empty }: Props) {
  const id = useId().replace(/:/g, '');
  const toggle = (value: string, on: boolean) => onChange(on ? [...chosen, value] : chosen.filter((x) => x !== value));
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {choices.length === 0 && empty && <p className="muted small">{empty}</p>}
      <div className="checkbox-list">
        {choices.map((c) => (
          <div key={c.value} className="checkbox">
            <input id={`${id}-${c.value}`} type="checkbox" checked={chosen.includes(c.value)} onChange={(e) => toggle(c.value, e.target.checked)} />
            <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
