import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session-context';
import { EXPORT_PATH, securityEventsQueryOptions, sessionsQueryOptions, useEndAllSessions } from './account-api';
import { PasswordForm } from './password-form';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const sessions = useQuery(sessionsQueryOptions);
  const security = useQuery(securityEventsQueryOptions);
  const endAll = useEndAllSessions();
  const [confirming, setConfirming] = useState(false);
  const when = (iso: string) => formatDateTime(iso, i18n.language);

  return (
    <div className="page">
      <h2 id="page-heading" tabIndex={-1}>
        {t('account.heading')}
      </h2>
      <p className="muted">{t('account.signedInAs', { name: me.name, email: me.email })}</p>
      <div className="page-columns">
        <PasswordForm />
        <section className="panel" aria-labelledby="data-heading">
          <h3 id="data-heading">{t('account.data.heading')}</h3>
          <p>{t('account.data.intro')}</p>
          <div className="form-actions">
            <a className="button button-primary" href={EXPORT_PATH} download="verbund-meine-daten.json">
              {t('account.data.download')}
            </a>
          </div>
        </section>
      </div>

      <section className="panel" aria-labelledby="sessions-heading">
        <h3 id="sessions-heading">{t('account.sessions.heading')}</h3>
        {sessions.isPending && <p className="muted">{t('app.loading')}</p>}
        {sessions.isError && <p className="form-error">{t('account.loadFailed')}</p>}
        {sessions.data && (
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t('account.sessions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.sessions.started')}</th>
                  <th scope="col">{t('account.sessions.expires')}</th>
                  <th scope="col">{t('account.sessions.this')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.map((s) => (
                  <tr key={s.id}>
                    <td>{when(s.createdAt)}</td>
                    <td>{when(s.expiresAt)}</td>
                    <td>{s.current ? t('account.sessions.current') : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>{t('account.sessions.endAllHint')}</p>
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)} disabled={endAll.isPending}>
            {t('account.sessions.endAll')}
          </button>
        </div>
      </section>

      <section className="panel" aria-labelledby="security-heading">
        <h3 id="security-heading">{t('account.security.heading')}</h3>
        {security.isPending && <p className="muted">{t('app.loading')}</p>}
        {security.isError && <p className="form-error">{t('account.loadFailed')}</p>}
        {security.data && (
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t('account.security.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.security.at')}</th>
                  <th scope="col">{t('account.security.kind')}</th>
                  <th scope="col">{t('account.security.address')}</th>
                </tr>
              </thead>
              <tbody>
                {security.data.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      {t('account.security.empty')}
                    </td>
                  </tr>
                )}
                {security.data.map((e) => (
                  <tr key={`${e.at}-${e.kind}`}>
                    <td>{when(e.at)}</td>
                    <td>{t(`account.security.kinds.${e.kind}`, { defaultValue: e.kind })}</td>
                    <td>{e.address ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {confirming && (
        <ConfirmDialog
          title={t('account.sessions.confirmTitle')}
          confirmLabel={t('account.sessions.endAll')}
          cancelLabel={t('admin.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            endAll.mutate();
          }}
        >
          <p>{t('account.sessions.confirmText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
