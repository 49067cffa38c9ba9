import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignOutButton } from '../features/auth/sign-out-button';
import { InvitationPage } from '../features/invitation/invitation-page';
import { meQueryOptions } from '../lib/queries';
import { useRoute } from '../lib/router';
import { SessionContext } from '../lib/session-context';
import { useSessionNotice } from '../lib/session-notice';
import { chooseMembership, useWorkspaceChoice } from '../lib/workspace-choice';
import { WorkspaceScreen } from './workspace-screen';

export function App() {
  const { t } = useTranslation();
  const me = useQuery(meQueryOptions);
  const route = useRoute();
  const chosen = useWorkspaceChoice((s) => s.workspaceId);
  const signedIn = Boolean(me.data);

  // The notice explained why the sign-in page came back; once signed in again it has done its job.
  useEffect(() => {
    if (signedIn) useSessionNotice.getState().setNotice(null);
  }, [signedIn]);

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
  // An invitation is for people with and without an account alike.
  if (route.name === 'invite') return <InvitationPage token={route.token} me={me.data} />;
  if (!me.data) return <SignInPage />;

  const membership = chooseMembership(me.data, chosen);
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
      <WorkspaceScreen key={membership.workspaceId} route={route} />
    </SessionContext.Provider>
  );
}
