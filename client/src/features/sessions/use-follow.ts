import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionFocused } from '@verbund/shared/features/sessions/focus';
import { sessionLeadOf } from '@verbund/shared/features/sessions/session-lead';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { docIdOf } from '@verbund/shared/docs';
import { useAnnouncer } from '../../lib/announcer-store';
import { usePassageStore, type Passage } from '../../lib/passage-store';
import { navigate } from '../../lib/router';
import { useUiStore } from '../../lib/ui-store';
import { useFocusStore } from './focus-store';

/** Where following a focus takes a person: a page, the card dialog on the board, an element scrolled to, a passage of a text marked. */
export type FollowTarget = { path: string; cardId: string | null; selector: string | null; passage?: { docId: string; passage: Passage } };

/** M49: the page a focus is shown on (a card opens its dialog over the board; a vote is scrolled to on the votes page). */
export function followTarget(focused: SessionFocused): FollowTarget {
  const { focus } = focused;
  switch (focus.kind) {
    case 'item':
      return { path: `/sessions/${encodeURIComponent(focused.sessionId)}`, cardId: null, selector: `[data-agenda-item-id="${focus.itemId}"]` };
    case 'card':
      return { path: '/', cardId: focus.cardId, selector: null };
    case 'vote':
      return { path: '/votes', cardId: null, selector: `[data-vote-id="${focus.voteId}"]` };
    case 'position':
      return {
        path: `/positions/${encodeURIComponent(focus.positionId)}`,
        cardId: null,
        selector: null,
        ...(focus.passage ? { passage: { docId: docIdOf('position', focus.positionId), passage: focus.passage } } : {}),
      };
  }
}

type FollowOptions = { following: boolean; running: boolean; myPersonId: string; leadId: string };

/** M49: whether there is a focus for this person to follow: someone else's, in a running session this person does not lead. */
export const focusOffered = (focused: SessionFocused | undefined, o: Omit<FollowOptions, 'following'>): focused is SessionFocused =>
  focused !== undefined && o.running && focused.by !== o.myPersonId && o.leadId !== o.myPersonId;

/** M49: the focus this tab should go to now, or null: not following, or no focus offered. */
export function focusToFollow(focused: SessionFocused | undefined, options: FollowOptions): SessionFocused | null {
  return options.following && focusOffered(focused, options) ? focused : null;
}

type KeyLike = { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; target: EventTarget | null };

/** M49: the one key that stops (and resumes) following: F, unmodified, and never while typing. */
export function isFollowKey(event: KeyLike): boolean {
  if (event.key.toLowerCase() !== 'f' || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.target as (HTMLElement & { isContentEditable?: boolean }) | null;
  if (!target || typeof target.tagName !== 'string') return true;
  return !(['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable === true);
}

function go(target: FollowTarget): void {
  navigate(target.path);
  useUiStore.getState().openCard(target.cardId);
  if (target.passage) usePassageStore.getState().show(target.passage.docId, target.passage.passage);
  const { selector } = target;
  // After the page rendered: the element the focus names, if the page shows it.
  if (selector) requestAnimationFrame(() => document.querySelector(selector)?.scrollIntoView({ block: 'center' }));
}

export type Follow = {
  /** The session's current focus, if the moderation set one. */
  focused: SessionFocused | null;
  following: boolean;
  /** Whether there is someone else's focus to follow (the banner shows only then). */
  offered: boolean;
  stop: () => void;
  resume: () => void;
};

/**
 * Follow the moderator (docs/session-rules.md, M49): while following, every new focus of the
 * running session takes this tab there; F or the banner's button stops it, and "Wieder folgen"
 * goes to the focus of now. The person leading follows nobody, not even a focus left by the one before.
 */
export function useFollow(state: Pick<WorkspaceState, 'sessionLeads'>, session: ModeratedSession | null, myPersonId: string): Follow {
  const { t } = useTranslation();
  const focused = useFocusStore((s) => (session ? s.focuses[session.id] : undefined));
  const following = useFocusStore((s) => s.following);
  const options = { running: session?.state === 'running', myPersonId, leadId: session ? sessionLeadOf(state.sessionLeads, session) : '' };
  const toFollow = focusToFollow(focused, { ...options, following });
  const offered = focusOffered(focused, options);

  useEffect(() => {
    if (toFollow) go(followTarget(toFollow));
  }, [toFollow]);

  const stop = useCallback(() => {
    useFocusStore.getState().setFollowing(false);
    useAnnouncer.getState().announce(t('sessions.follow.stopped'));
  }, [t]);
  const resume = useCallback(() => {
    useFocusStore.getState().setFollowing(true);
    useAnnouncer.getState().announce(t('sessions.follow.resumed'));
  }, [t]);

  useEffect(() => {
    if (!offered) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isFollowKey(event)) return;
      event.preventDefault();
      if (useFocusStore.getState().following) stop();
      else resume();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [offered, stop, resume]);

  return { focused: focused ?? null, following, offered, stop, resume };
}

/**
 * The running session a person follows (M49), on every page: the one they are checked in to (M10),
 * else the one started last; none while no session runs.
 */
export function followedSession(state: Pick<WorkspaceState, 'sessions' | 'sessionAttendance'>, personId: string): ModeratedSession | null {
  const running = Object.values(state.sessions)
    .filter((s) => s.state === 'running')
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''));
  const present = (s: ModeratedSession) => (state.sessionAttendance[s.id] ?? []).some((a) => a.id === personId && a.stays.some((stay) => stay.to === null));
  return running.find(present) ?? running[0] ?? null;
}
