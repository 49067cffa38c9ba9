import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { SessionFocus, SessionFocused } from '@verbund/shared/features/sessions/focus';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { useUiStore } from '../../lib/ui-store';
import { AT, ME, uuid } from '../../test/fixtures';
import { renderInWorkspace } from '../../test/render';
import { FollowBanner } from './follow-banner';
import { useFocusStore } from './focus-store';
import { leadView } from './lead-controls';
import { focusToFollow, followedSession, followTarget, isFollowKey } from './use-follow';

const MODERATOR = uuid();
const CO = uuid();
const session = (over: Partial<ModeratedSession> = {}): ModeratedSession => ({
  id: uuid(),
  title: 'Arbeitsgruppe Digitalisierung',
  startsAt: AT,
  place: null,
  link: null,
  coModeratorIds: [CO],
  state: 'running',
  moderatorId: MODERATOR,
  items: [],
  currentItemId: null,
  startedAt: AT,
  endedAt: null,
  createdAt: AT,
  updatedAt: AT,
  ...over,
});
const focusedOn = (sessionId: string, focus: SessionFocus, by = MODERATOR): SessionFocused => ({ sessionId, focus, by, at: AT });
const NO_LEADS = { sessionLeads: {} };
const key = (k: string, target: EventTarget | null = null) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, target });

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  useFocusStore.setState({ focuses: {}, following: true });
  useUiStore.setState({ openCardId: null });
});
afterEach(cleanup);

describe('following, the logic (docs/session-rules.md, M49)', () => {
  it('M49 each kind of focus leads to its page: the agenda item, the card dialog, the vote, the position', () => {
    const s = session();
    const [itemId, cardId, voteId, positionId] = [uuid(), uuid(), uuid(), uuid()];
    expect(followTarget(focusedOn(s.id, { kind: 'item', itemId }))).toEqual({ path: `/sessions/${s.id}`, cardId: null, selector: `[data-agenda-item-id="${itemId}"]` });
    expect(followTarget(focusedOn(s.id, { kind: 'card', cardId }))).toEqual({ path: '/', cardId, selector: null });
    expect(followTarget(focusedOn(s.id, { kind: 'vote', voteId }))).toEqual({ path: '/votes', cardId: null, selector: `[data-vote-id="${voteId}"]` });
    expect(followTarget(focusedOn(s.id, { kind: 'position', positionId, passage: null }))).toEqual({ path: `/positions/${positionId}`, cardId: null, selector: null });
    const passage = { from: { type: { client: 1, clock: 2 }, item: { client: 1, clock: 3 }, assoc: 0 }, to: { type: { client: 1, clock: 2 }, item: { client: 1, clock: 9 }, assoc: 0 } };
    expect(followTarget(focusedOn(s.id, { kind: 'position', positionId, passage }))).toEqual({
      path: `/positions/${positionId}`,
      cardId: null,
      selector: null,
      passage: { docId: `position:${positionId}`, passage },
    });
  });

  it('M49 a focus is followed only while following, while the session runs, never one’s own, never by the one leading', () => {
    const focused = focusedOn(uuid(), { kind: 'card', cardId: uuid() });
    const options = { following: true, running: true, myPersonId: ME.id, leadId: MODERATOR };
    expect(focusToFollow(focused, options)).toBe(focused);
    expect(focusToFollow(undefined, options)).toBeNull();
    expect(focusToFollow(focused, { ...options, following: false })).toBeNull();
    expect(focusToFollow(focused, { ...options, running: false })).toBeNull();
    expect(focusToFollow(focused, { ...options, myPersonId: MODERATOR })).toBeNull();
    // After a take-over the new lead follows nobody, not even the focus the moderator left (M42).
    expect(focusToFollow(focused, { ...options, leadId: ME.id })).toBeNull();
  });

  it('M49 F is the key, unmodified and not while typing', () => {
    expect(isFollowKey(key('f'))).toBe(true);
    expect(isFollowKey(key('F', document.body))).toBe(true);
    expect(isFollowKey({ ...key('f'), ctrlKey: true })).toBe(false);
    expect(isFollowKey(key('Escape'))).toBe(false);
    expect(isFollowKey(key('f', document.createElement('input')))).toBe(false);
    expect(isFollowKey(key('f', document.createElement('textarea')))).toBe(false);
  });

  it('M41 M43 the one action offered: take over when the one leading is away, hand back when leading after a take-over', () => {
    const s = session();
    const none = { sessionLeads: {} };
    expect(leadView(none, s, CO, new Set([MODERATOR]))).toMatchObject({ leadId: MODERATOR, leadOnline: true, mayTakeOver: false, mayHandBack: false });
    expect(leadView(none, s, CO, new Set())).toMatchObject({ leadOnline: false, mayTakeOver: true });
    expect(leadView(none, s, ME.id, new Set())).toMatchObject({ mayTakeOver: false });
    const taken = { sessionLeads: { [s.id]: { personId: CO, since: AT, from: MODERATOR } } };
    expect(leadView(taken, s, CO, new Set([CO]))).toMatchObject({ leadId: CO, mayHandBack: true, mayTakeOver: false });
    expect(leadView(taken, s, MODERATOR, new Set([CO, MODERATOR]))).toMatchObject({ mayTakeOver: false, mayHandBack: false });
    expect(leadView(taken, { ...s, state: 'ended' }, CO, new Set())).toMatchObject({ mayHandBack: false });
  });
});

describe('which session a person follows (M49)', () => {
  it('the running session they are checked in to, else the one started last; none while none runs', () => {
    const earlier = session({ startedAt: '2026-12-10T09:00:00.000Z' });
    const later = session({ startedAt: '2026-12-10T11:00:00.000Z' });
    const planned = session({ state: 'planned', startedAt: null });
    const sessions = Object.fromEntries([earlier, later, planned].map((x) => [x.id, x]));
    const stay = (to: string | null) => ({ mode: 'room' as const, from: '2026-12-10T09:00:00.000Z', to });
    const attending = (sessionId: string, to: string | null) => ({ [sessionId]: [{ kind: 'member' as const, id: ME.id, partnerId: uuid(), onBehalfOf: null, stays: [stay(to)] }] });
    expect(followedSession({ sessions, sessionAttendance: {} }, ME.id)?.id).toBe(later.id);
    expect(followedSession({ sessions, sessionAttendance: attending(earlier.id, null) }, ME.id)?.id).toBe(earlier.id);
    expect(followedSession({ sessions, sessionAttendance: attending(earlier.id, '2026-12-10T10:00:00.000Z') }, ME.id)?.id).toBe(later.id);
    expect(followedSession({ sessions: { [planned.id]: planned }, sessionAttendance: {} }, ME.id)).toBeNull();
  });
});

describe('the banner and the hook (M49)', () => {
  it('M49 following moves the page with every new focus; F stops it, “Wieder folgen” goes to the focus of now', async () => {
    const s = session();
    const [cardId, positionId] = [uuid(), uuid()];
    renderInWorkspace(<FollowBanner state={NO_LEADS} session={s} myPersonId={ME.id} />);
    expect(screen.queryByRole('region')).toBeNull();

    act(() => useFocusStore.getState().received(focusedOn(s.id, { kind: 'card', cardId })));
    expect(await screen.findByText('Sie folgen der Moderation.')).toBeInTheDocument();
    expect(useUiStore.getState().openCardId).toBe(cardId);
    expect(window.location.pathname).toBe('/');

    act(() => useFocusStore.getState().received(focusedOn(s.id, { kind: 'position', positionId, passage: null })));
    expect(window.location.pathname).toBe(`/positions/${positionId}`);
    expect(useUiStore.getState().openCardId).toBeNull();

    fireEvent.keyDown(window, { key: 'f' });
    expect(await screen.findByText('Sie folgen der Moderation nicht.')).toBeInTheDocument();
    act(() => useFocusStore.getState().received(focusedOn(s.id, { kind: 'card', cardId })));
    expect(window.location.pathname).toBe(`/positions/${positionId}`);
    expect(useUiStore.getState().openCardId).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Wieder folgen' }));
    expect(await screen.findByRole('button', { name: 'Nicht mehr folgen' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
    expect(useUiStore.getState().openCardId).toBe(cardId);
  });

  it('M49 the one leading is not moved by their own focus and sees no banner; an ended session offers nothing', () => {
    const s = session();
    useFocusStore.getState().received(focusedOn(s.id, { kind: 'card', cardId: uuid() }, ME.id));
    renderInWorkspace(<FollowBanner state={NO_LEADS} session={s} myPersonId={ME.id} />);
    expect(screen.queryByRole('region')).toBeNull();
    expect(useUiStore.getState().openCardId).toBeNull();
    cleanup();
    const ended = session({ state: 'ended' });
    useFocusStore.getState().received(focusedOn(ended.id, { kind: 'card', cardId: uuid() }));
    renderInWorkspace(<FollowBanner state={NO_LEADS} session={ended} myPersonId={ME.id} />);
    expect(screen.queryByRole('region')).toBeNull();
    expect(useUiStore.getState().openCardId).toBeNull();
  });
});
