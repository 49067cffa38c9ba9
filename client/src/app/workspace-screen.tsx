import { lazy, Suspense, useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { LiveAnnouncer } from '../components/live-announcer';
import { Toasts } from '../components/toasts';
import { TreatedInSessions } from '../components/treated-in-sessions';
import { AccountPage } from '../features/account/account-page';
import { EraseAccountForm } from '../features/account/erase-account-form';
import { AuditPage } from '../features/audit/audit-page';
import { Board } from '../features/board/board';
import { CardDialog } from '../features/card-dialog/card-dialog';
import { CommentsPanel } from '../features/comments/comments-panel';
import { HistoryPanel } from '../features/history/history-panel';
import { CardPositions } from '../features/positions/card-positions';
import { PositionPage } from '../features/positions/position-page';
import { PositionsPage } from '../features/positions/positions-page';
import { PresenceBar } from '../features/presence/presence-bar';
import { useLiveSync } from '../features/sync/use-live-sync';
import { CardVotes } from '../features/votes/card-votes';
import { ItemVotes } from '../features/votes/item-votes';
import { OpenVoteForm } from '../features/votes/open-vote-form';
import { DecisionsPage } from '../features/votes/decisions-page';
import { VotesPage } from '../features/votes/votes-page';
import { NewWorkspaceForm } from '../features/workspaces/new-workspace-form';
import { LiveSocketContext } from '../lib/live-socket';
import { usePeople, workspaceStateQueryOptions } from '../lib/queries';
import type { Route } from '../lib/router';
import { useSession } from '../lib/session-context';
import { FollowBanner } from '../features/sessions/follow-banner';
import { usePassageSharing } from '../features/sessions/passage-sharing';
import { followedSession } from '../features/sessions/use-follow';
import { useUiStore } from '../lib/ui-store';
import { useWorkspaceView } from '../lib/use-workspace-view';
import { AdminScreen } from './admin-screen';
import { mayOpen } from './page-access';
import { WorkspaceHeader } from './workspace-header';

// The sessions' pages come as their own chunk, when one is opened: the board's first load stays small.
const SessionsPage = lazy(() => import('../features/sessions/sessions-page').then((m) => ({ default: m.SessionsPage })));
const SessionPage = lazy(() => import('../features/sessions/session-page').then((m) => ({ default: m.SessionPage })));

type Props = { route: Route };

const TITLE_KEYS: Record<Route['name'], string> = {
  board: 'board.heading',
  admin: 'admin.heading',
  audit: 'audit.heading',
  account: 'account.heading',
  votes: 'votes.heading',
  decisions: 'decisions.heading',
  positions: 'positions.heading',
  position: 'positions.heading',
  sessions: 'sessions.heading',
  session: 'sessions.heading',
  invite: 'invitation.title',
};

export function WorkspaceScreen({ route }: Props) {
  const { t } = useTranslation();
  const { membership, me } = useSession();
  const workspaceId = membership.workspaceId;
  const confirmed = useQuery(workspaceStateQueryOptions(workspaceId));
  const state = useWorkspaceView();
  const people = usePeople(workspaceId);
  const openCardId = useUiStore((s) => s.openCardId);
  const openCard = useUiStore((s) => s.openCard);
  const socket = useLiveSync(workspaceId, confirmed.isSuccess);
  const first = useRef(true);

  // After a page change, focus goes to the new page's heading so keyboard and screen-reader users start there.
  useEffect(() => {
    document.title = `${t(TITLE_KEYS[route.name])} – ${state?.name || membership.workspaceName} – ${t('app.name')}`;
  }, [route.name, t, state?.name, membership.workspaceName]);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    (document.getElementById('page-heading') ?? document.getElementById('main'))?.focus();
  }, [route.name]);

  // A modal dialog makes everything outside it inert, so live messages render inside it while it is open.
  const overlays = (
    <>
      <LiveAnnouncer />
      <Toasts />
    </>
  );
  const showCard = route.name === 'board' && state && openCardId;
  const allowed = mayOpen(route, membership.abilities);

  return (
    <LiveSocketContext.Provider value={socket}>
      <div className="app">
        <a className="skip-link" href="#main">
          {route.name === 'board' ? t('app.skipToBoard') : t('app.skipToContent')}
        </a>
        <WorkspaceHeader workspaceName={state?.name ?? ''} partners={state?.partners ?? {}} route={route} />
        <main id="main" className="app-main" tabIndex={-1}>
          {state && <FollowBanner state={state} session={followedSession(state, me.id)} myPersonId={me.id} />}
          {route.name === 'board' && state && <PresenceBar partners={state.partners} />}
          {confirmed.isPending && <p role="status">{t('app.loading')}</p>}
          {confirmed.isError && (
            <div role="alert">
              <p>{t('app.loadFailed')}</p>
              <button type="button" className="button button-primary" onClick={() => void confirmed.refetch()}>
                {t('app.retry')}
              </button>
            </div>
          )}
          {!allowed && (
            <div className="page">
              <h2 id="page-heading" tabIndex={-1}>
                {t(TITLE_KEYS[route.name])}
              </h2>
              <p className="notice">{t('app.noAccess')}</p>
            </div>
          )}
          {allowed && route.name === 'account' && (
            <>
              <AccountPage />
              <NewWorkspaceForm />
              <EraseAccountForm />
            </>
          )}
          {state && allowed && route.name === 'board' && <Board state={state} people={people} />}
          {state && allowed && route.name === 'admin' && <AdminScreen state={state} people={people} />}
          {state && allowed && route.name === 'audit' && <AuditPage state={state} people={people} />}
          {state && allowed && route.name === 'votes' && <VotesPage state={state} people={people} />}
          {state && allowed && route.name === 'decisions' && <DecisionsPage state={state} people={people} />}
          {state && allowed && route.name === 'positions' && <PositionsPage state={state} />}
          {state && allowed && route.name === 'position' && <PositionScreen positionId={route.positionId} state={state} people={people} myPersonId={me.id} />}
          {state && allowed && (route.name === 'sessions' || route.name === 'session') && (
            <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
              {route.name === 'sessions' ? <SessionsPage state={state} people={people} /> : <SessionPage
                  sessionId={route.sessionId}
                  state={state}
                  people={people}
                  slots={{
                    voteForm: (use, onDone) => <OpenVoteForm cardId={null} use={use} onDone={onDone} />,
                    itemVotes: (voteIds, mode) => <ItemVotes voteIds={voteIds} state={state} people={people} mode={mode} />,
                  }}
                />}
            </Suspense>
          )}
        </main>
        {showCard && (
          <CardDialog
            cardId={openCardId}
            state={state}
            people={people}
            onClose={() => openCard(null)}
            overlays={overlays}
            sections={
              <>
                <CardVotes cardId={openCardId} state={state} people={people} />
                <CardPositions cardId={openCardId} state={state} />
                <TreatedInSessions sessions={state.sessions} kind="cardIds" id={openCardId} onOpen={() => openCard(null)} />
                <CommentsPanel cardId={openCardId} comments={state.comments[openCardId] ?? []} people={people} partners={state.partners} />
                <HistoryPanel cardId={openCardId} people={people} partners={state.partners} />
              </>
            }
          />
        )}
        {!showCard && overlays}
      </div>
    </LiveSocketContext.Provider>
  );
}

/** A position's page; the person leading a running session shows everyone a passage of its text from there (M45). */
function PositionScreen({ myPersonId, ...props }: { positionId: string; state: WorkspaceState; people: Person[]; myPersonId: string }) {
  const sharePassage = usePassageSharing(props.state, myPersonId);
  return <PositionPage {...props} sharePassage={sharePassage} />;
}
