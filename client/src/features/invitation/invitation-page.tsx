import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '@verbund/shared/http';
import { FormError } from '../../components/form-parts';
import { PublicPage } from '../../components/public-page';
import { TextField } from '../../components/text-field';
import { ApiError } from '../../lib/api';
import { errorMessageKey } from '../../lib/error-messages';
import { formatDateTime } from '../../lib/format';
import { navigate, onLinkClick } from '../../lib/router';
import { useWorkspaceChoice } from '../../lib/workspace-choice';
import { invitationQueryOptions, useAcceptInvitation } from './invitation-api';
import { invitationProblems, type InvitationDraft, type InvitationField } from './invitation-form';

type Props = { token: string; me: Me | null };

function loadProblem(error: unknown): string {
  if (error instanceof ApiError && error.code === 'not_found') return 'invitation.notFound';
  if (error instanceof ApiError && error.code === 'conflict') return errorMessageKey(error);
  return 'invitation.loadFailed';
}

/** /invite/:token — open to people without an account; the link itself is the permission. */
export function InvitationPage({ token, me }: Props) {
  const { t, i18n } = useTranslation();
  const info = useQuery(invitationQueryOptions(token));
  const accept = useAcceptInvitation(token);
  const choose = useWorkspaceChoice((s) => s.choose);
  const [draft, setDraft] = useState<InvitationDraft>({ name: '', email: '', password: '', confirm: '' });
  const [problems, setProblems] = useState<Partial<Record<InvitationField, string>>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('invitation.title')} – ${t('app.name')}`;
  }, [t]);

  const joined = (after: Me) => {
    const before = new Set(me?.memberships.map((m) => m.workspaceId) ?? []);
    const added = after.memberships.find((m) => !before.has(m.workspaceId)) ?? after.memberships.find((m) => m.workspaceName === info.data?.workspaceName);
    if (added) choose(added.workspaceId);
    navigate('/', { replace: true });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = invitationProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      const first = (['name', 'email', 'password', 'confirm'] as const).find((f) => found[f]);
      document.getElementById(`invite-${first}`)?.focus();
      return;
    }
    accept.mutate({ name: draft.name.trim(), email: draft.email.trim(), password: draft.password }, { onSuccess: joined });
  };

  const field = (name: InvitationField, label: string, type: string, autoComplete: string, hint?: string) => {
    const problem = problems[name];
    const describedBy = [hint ? `invite-${name}-hint` : '', problem ? `invite-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <TextField
        id={`invite-${name}`}
        label={label}
        type={type}
        autoComplete={autoComplete}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
      >
        {hint && (
          <span id={`invite-${name}-hint`} className="hint">
            {hint}
          </span>
        )}
        {problem && (
          <span id={`invite-${name}-error`} className="form-error">
            {t(problem)}
          </span>
        )}
      </TextField>
    );
  };

  const acceptError = accept.isError ? errorMessageKey(accept.error) : null;

  return (
    <PublicPage>
      {info.isPending && <p role="status">{t('app.loading')}</p>}
      {info.isError && (
        <>
          <h1 ref={headingRef}>{t('invitation.unusableTitle')}</h1>
          <p role="alert" className="notice">
            {t(loadProblem(info.error))}
          </p>
          <p>
            <a href="/" onClick={onLinkClick}>
              {me ? t('invitation.toBoard') : t('invitation.toSignIn')}
            </a>
          </p>
        </>
      )}
      {info.data && (
        <>
          <h1 ref={headingRef}>{t('invitation.heading', { workspace: info.data.workspaceName })}</h1>
          <p>
            {t('invitation.intro', {
              partner: info.data.partnerName,
              roles: info.data.roles.map((r) => t(`roles.${r}`)).join(', '),
              workspace: info.data.workspaceName,
            })}
          </p>
          <p className="muted">{t('invitation.validUntil', { date: formatDateTime(info.data.expiresAt, i18n.language) })}</p>
          {me ? (
            <div className="sign-in-form">
              <p>{t('invitation.signedInAs', { name: me.name, email: me.email })}</p>
              <FormError messageKey={acceptError} />
              <button type="button" className="button button-primary" disabled={accept.isPending} onClick={() => accept.mutate({}, { onSuccess: joined })}>
                {t('invitation.join')}
              </button>
            </div>
          ) : (
            <form className="sign-in-form" onSubmit={onSubmit} noValidate aria-labelledby="invite-form-heading">
              <h2 id="invite-form-heading">{t('invitation.formHeading')}</h2>
              {field('name', t('invitation.name'), 'text', 'name')}
              {field('email', t('auth.email'), 'email', 'email')}
              {field('password', t('auth.password'), 'password', 'new-password', t('account.password.hint'))}
              {field('confirm', t('invitation.confirm'), 'password', 'new-password')}
              <FormError messageKey={acceptError} />
              <button type="submit" className="button button-primary" disabled={accept.isPending}>
                {accept.isPending ? t('invitation.submitting') : t('invitation.submit')}
              </button>
              <p className="small">
                {t('invitation.haveAccount')}{' '}
                <a href="/" onClick={onLinkClick}>
                  {t('invitation.toSignIn')}
                </a>
              </p>
            </form>
          )}
        </>
      )}
    </PublicPage>
  );
}
