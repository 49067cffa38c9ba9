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
