import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LiveAnnouncer } from '../components/live-announcer';
import { Toasts } from '../components/toasts';
import { Board } from '../features/board/board';
import { CardDialog } from '../features/card-dialog/card-dialog';
import { CommentsPanel } from '../features/comments/comments-panel';
import { HistoryPanel } from '../features/history/history-panel';
import { PresenceBar } from '../features/presence/presence-bar';
import { useLiveSync } from '../features/sync/use-live-sync';
import { usePeople, workspaceStateQueryOptions } from '../lib/queries';
import { useSession } from '../lib/session-context';
import { useUiStore } from '../lib/ui-store';
import { useWorkspaceView } from '../lib/use-workspace-view';
import { WorkspaceHeader } from './workspace-header';

export function WorkspaceScreen() {
  const { t } = useTranslation();
  const { membership } = useSession();
  const workspaceId = membership.workspaceId;
  const confirmed = useQuery(workspaceStateQueryOptions(workspaceId));
  const state = useWorkspaceView();
  const people = usePeople(workspaceId);
  const openCardId = useUiStore((s) => s.openCardId);
  const openCard = useUiStore((s) => s.openCard);
  useLiveSync(workspaceId, confirmed.isSuccess);
  // A modal dialog makes everything outside it inert, so live messages render inside it while it is open.
  const overlays = (
    <>
      <LiveAnnouncer />
      <Toasts />
    </>
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToBoard')}
      </a>
      <WorkspaceHeader workspaceName={state?.name ?? ''} partners={state?.partners ?? {}} />
      <main id="main" className="app-main" tabIndex={-1}>
        {state && <PresenceBar partners={state.partners} />}
        {confirmed.isPending && <p role="status">{t('app.loading')}</p>}
        {confirmed.isError && (
          <div role="alert">
            <p>{t('app.loadFailed')}</p>
            <button type="button" className="button button-primary" onClick={() => void confirmed.refetch()}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {state && <Board state={state} people={people} />}
      </main>
      {state && openCardId && (
        <CardDialog
          cardId={openCardId}
          state={state}
          people={people}
          onClose={() => openCard(null)}
          overlays={overlays}
          sections={
            <>
              <CommentsPanel cardId={openCardId} comments={state.comments[openCardId] ?? []} people={people} partners={state.partners} />
              <HistoryPanel cardId={openCardId} people={people} partners={state.partners} />
            </>
          }
        />
      )}
      {!openCardId && overlays}
    </div>
  );
}
