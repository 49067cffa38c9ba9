import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignOutButton } from '../features/auth/sign-out-button';
import { meQueryOptions } from '../lib/queries';
import { SessionContext } from '../lib/session-context';
import { WorkspaceScreen } from './workspace-screen';

export function App() {
  const { t } = useTranslation();
  const me = useQuery(meQueryOptions);

  if (me.isPending) {
    return (
      <main className="center-page">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  if (me.isError) {
    return (
      <main className="center-page">
        <h1>{t('app.name')}</h1>
        <p role="alert">{t('errors.network')}</p>
        <button type="button" className="button button-primary" onClick={() => void me.refetch()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  if (!me.data) return <SignInPage />;

  // Several memberships are possible; choosing between them is a later feature, so the first one wins.
  const membership = me.data.memberships[0];
  if (!membership) {
    return (
      <main className="center-page">
        <h1>{t('app.name')}</h1>
        <p>{t('app.noWorkspace')}</p>
        <SignOutButton />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={{ me: me.data, membership }}>
      <WorkspaceScreen key={membership.workspaceId} />
    </SessionContext.Provider>
  );
}
