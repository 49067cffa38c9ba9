import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FormErrorProps = { id?: string; messageKey: string | null };

/** A form's error line. The live region is always there, so a message that appears in it is announced. */
export function FormError({ id, messageKey }: FormErrorProps) {
  const { t } = useTranslation();
  return (
    <p role="alert" id={id} className="form-error">
      {messageKey ? t(messageKey) : null}
    </p>
  );
}

type SubmitActionsProps = { label: string; pending?: boolean; children?: ReactNode };

/** A form's primary submit button, disabled while its request is in flight; further actions follow it. */
export function SubmitActions({ label, pending, children }: SubmitActionsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={pending}>
        {label}
      </button>
      {children}
    </div>
  );
}

type FormFooterProps = {
  /** What the schema refused, each already in words ("Bitte prüfen: Titel"). */
  problems: readonly string[];
  label: string;
  pending?: boolean;
  /** With a cancel button when given. */
  onCancel?: () => void;
  cancelLabel: string;
};

/** The end of a form checked with a shared schema: the list of what to fix (one live region, always there), submit and cancel. */
export function FormFooter({ problems, label, pending, onCancel, cancelLabel }: FormFooterProps) {
  return (
    <>
      <div role="alert" className="form-error">
        {problems.length > 0 && (
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
      <SubmitActions label={label} pending={pending}>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
        )}
      </SubmitActions>
    </>
  );
}
