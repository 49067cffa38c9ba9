import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
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
          <DataTable caption={t('account.sessions.caption')} columns={[t('account.sessions.started'), t('account.sessions.expires'), t('account.sessions.this')]}>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td>{when(s.createdAt)}</td>
                <td>{when(s.expiresAt)}</td>
                <td>{s.current ? t('account.sessions.current') : '–'}</td>
              </tr>
            ))}
          </DataTable>
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
          <DataTable caption={t('account.security.caption')} columns={[t('account.security.at'), t('account.security.kind'), t('account.security.address')]} empty={security.data.length === 0 ? t('account.security.empty') : null}>
            {security.data.map((e) => (
              <tr key={`${e.at}-${e.kind}`}>
                <td>{when(e.at)}</td>
                <td>{t(`account.security.kinds.${e.kind}`, { defaultValue: e.kind })}</td>
                <td>{e.address ?? '–'}</td>
              </tr>
            ))}
          </DataTable>
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
