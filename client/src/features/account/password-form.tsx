import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema } from '@verbund/shared/http';
import { FormError, SubmitActions } from '../../components/form-parts';
import { TextField } from '../../components/text-field';
import { errorMessageKey } from '../../lib/error-messages';
import { useChangePassword } from './account-api';

/** Checks that need no server: what the person can fix before sending. */
export function passwordProblem(current: string, next: string, confirm: string): string | null {
  if (!current) return 'account.password.currentMissing';
  if (!passwordSchema.safeParse(next).success) return 'account.password.tooShort';
  if (next !== confirm) return 'account.password.mismatch';
  return null;
}

export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = passwordProblem(current, next, confirm);
    setProblem(local);
    setDone(false);
    if (local) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setDone(true);
        },
        onError: (error) => setProblem(errorMessageKey(error)),
      },
    );
  };

  const describedBy = problem ? 'password-error' : undefined;
  return (
    <form className="panel stack-form" onSubmit={onSubmit} aria-labelledby="password-heading" noValidate>
      <h3 id="password-heading">{t('account.password.heading')}</h3>
      <TextField id="password-current" label={t('account.password.current')} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} aria-describedby={describedBy} />
      <TextField id="password-new" label={t('account.password.new')} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="password-hint">
        <span id="password-hint" className="hint">
          {t('account.password.hint')}
        </span>
      </TextField>
      <TextField id="password-confirm" label={t('account.password.confirm')} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-describedby={describedBy} />
      <FormError id="password-error" messageKey={problem} />
      <p role="status" className="form-ok">
        {done ? t('account.password.changed') : null}
      </p>
      <SubmitActions label={t('account.password.submit')} pending={change.isPending} />
    </form>
  );
}
