import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionLeadOf } from '@verbund/shared/features/sessions/session-lead';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Passage } from '../../lib/passage-store';
import { useSetFocus } from './use-set-focus';

/** The running session this person leads now (M40), if any. */
const ledBy = (state: Pick<WorkspaceState, 'sessions' | 'sessionLeads'>, personId: string) =>
  Object.values(state.sessions).find((s) => s.state === 'running' && sessionLeadOf(state.sessionLeads, s) === personId) ?? null;

/**
 * M45: for the person leading a running session, a way to show everyone a passage of a position's text
 * (everyone following is taken there and sees it marked, M49); null for everyone else.
 */
export function usePassageSharing(state: Pick<WorkspaceState, 'sessions' | 'sessionLeads'>, myPersonId: string): ((positionId: string, passage: Passage) => void) | null {
  const { t } = useTranslation();
  const sessionId = ledBy(state, myPersonId)?.id ?? null;
  const setFocus = useSetFocus(sessionId ?? '');
  return useMemo(
    () => (sessionId ? (positionId, passage) => setFocus({ kind: 'position', positionId, passage }, t('sessions.focus.passageShown')) : null),
    [sessionId, setFocus, t],
  );
}
