import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormError } from '../../components/form-parts';
import { TextField } from '../../components/text-field';
import { errorMessageKey } from '../../lib/error-messages';
import { useEraseAccount } from './account-api';

/** Self-service erasure (DSGVO Art. 17, rule A12): the password again, then one more question. */
export function EraseAccountForm() {
  const { t } = useTranslation();
  const erase = useEraseAccount();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(password ? null : 'account.erase.passwordMissing');
    if (password) setConfirming(true);
  };

  const onConfirm = () => {
    setConfirming(false);
    erase.mutate({ password }, { onError: (error) => setProblem(errorMessageKey(error)) });
  };

  return (
    <form className="panel stack-form panel-danger" onSubmit={onSubmit} aria-labelledby="erase-heading" noValidate>
      <h3 id="erase-heading">{t('account.erase.heading')}</h3>
      <p>{t('account.erase.intro')}</p>
      <TextField
        id="erase-password"
        label={t('account.erase.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        aria-describedby={problem ? 'erase-error' : undefined}
      />
      <FormError id="erase-error" messageKey={problem} />
      <div className="form-actions">
        <button type="submit" className="button button-danger-secondary" disabled={erase.isPending}>
          {t('account.erase.submit')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog title={t('account.erase.confirmTitle')} confirmLabel={t('account.erase.submit')} cancelLabel={t('admin.cancel')} danger onCancel={() => setConfirming(false)} onConfirm={onConfirm}>
          <p>{t('account.erase.confirmText')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
