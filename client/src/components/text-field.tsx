import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  /** Hints and error lines that follow the input inside the field. */
  children?: ReactNode;
};

/** A labelled <input>; every other prop goes to the input. */
export function TextField({ id, label, children, ...input }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
      {children}
    </div>
  );
}
