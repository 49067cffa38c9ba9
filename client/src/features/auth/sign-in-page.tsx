import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loginBodySchema } from '@verbund/shared/http';
import { PublicPage } from '../../components/public-page';
import { TextField } from '../../components/text-field';
import { ApiError } from '../../lib/api';
import { useSessionNotice } from '../../lib/session-notice';
import { useLogin } from './auth-api';

function errorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'auth.errors.unknown';
  if (error.code === 'unauthenticated' || error.code === 'invalid_payload') return 'auth.errors.credentials';
  if (error.code === 'rate_limited') return 'auth.errors.rateLimited';
  if (error.code === 'network') return 'auth.errors.network';
  return 'auth.errors.unknown';
}

export function SignInPage() {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const notice = useSessionNotice((s) => s.notice);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim() || !password) return setLocalError('auth.errors.missing');
    const body = loginBodySchema.safeParse({ email: email.trim(), password });
    if (!body.success) return setLocalError('auth.errors.invalidEmail');
    setLocalError(null);
    loginMutation.mutate(body.data);
  };

  const error = localError ?? (loginMutation.isError ? errorKey(loginMutation.error) : null);
  const errorLink = { 'aria-invalid': error !== null, 'aria-describedby': error ? 'sign-in-error' : undefined };

  return (
    <PublicPage>
      <h1>{t('auth.title')}</h1>
      <p className="muted">{t('auth.intro')}</p>
      {notice && (
        <p role="status" className="notice">
          {t(notice)}
        </p>
      )}
      <form className="sign-in-form" onSubmit={onSubmit} noValidate>
        <TextField id="sign-in-email" label={t('auth.email')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} {...errorLink} />
        <TextField id="sign-in-password" label={t('auth.password')} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} {...errorLink} />
        <div role="alert" id="sign-in-error" className="form-error">
          {error ? t(error) : null}
        </div>
        <button type="submit" className="button button-primary" disabled={loginMutation.isPending}>
          {loginMutation.isPending ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </PublicPage>
  );
}
