import { describe, expect, it } from 'vitest';
import { contributionsByItem, EMPTY_SPEAKER_BOOK, placeOf, queueOf, speakingNow } from '@verbund/shared/features/sessions/speakers';
import { outcome } from '../../test-support/decide-pure.js';
import { after, RS_PEOPLE, RS_WS, runningSession, type Who } from '../../test-support/running-session.js';
import { speakerCommandsFor } from '../../test-support/speaker-commands.js';

const q = speakerCommandsFor(RS_WS);

function queue() {
  const session = runningSession();
  const book = () => session.state.sessionSpeakers[session.sessionId] ?? EMPTY_SPEAKER_BOOK;
  const current = () => session.state.sessions[session.sessionId]?.currentItemId ?? null;
  const order = () => queueOf(book(), current()).map((e) => e.personId);
  const raise = (who: Who, t: number, pointOfOrder = false) => outcome(session.run(who, q.raise(session.sessionId, pointOfOrder), after(t)));
  const call = (t: number) => outcome(session.run('claudia', q.callNext(session.sessionId), after(t)));
  const speaker = () => speakingNow(book(), current())?.personId ?? null;
  return { ...session, book, order, raise, call, speaker };
}

describe('speaker queue (docs/session-rules.md, M20–M28)', () => {
  it('M20 a participant raises and lowers their own hand, once, while the session runs with a current item', () => {
    const planned = runningSession({ planned: true });
    expect(outcome(planned.run('anna', q.raise(planned.sessionId), after(0)))).toBe('conflict:session_not_running');
    planned.run('claudia', planned.s.start(planned.sessionId), after(0));
    expect(outcome(planned.run('anna', q.raise(planned.sessionId), after(1)))).toBe('conflict:no_current_item');

    const { run, sessionId, raise, order, id, s } = queue();
    expect(raise('anna', 1)).toBe('accepted');
    expect(raise('anna', 2)).toBe('conflict:hand_raised');
    expect(raise('lena', 2)).toBe('forbidden:no reason');
    expect(order()).toEqual([id('anna')]);
    expect(outcome(run('jonas', q.lower(sessionId), after(3)))).toBe('conflict:hand_not_raised');
    expect(outcome(run('anna', q.lower(sessionId), after(3)))).toBe('accepted');
    expect(order()).toEqual([]);
    run('claudia', s.end(sessionId), after(4));
    expect(raise('anna', 5)).toBe('conflict:session_ended');
  });

  it('M21 the queue is in the order the server took the hands; everyone sees their own place', () => {
    const { raise, order, book, id } = queue();
    for (const [i, who] of (['sven', 'anna', 'jonas', 'petra'] as const).entries()) expect(raise(who, i)).toBe('accepted');
    expect(order()).toEqual([id('sven'), id('anna'), id('jonas'), id('petra')]);
    const entries = queueOf(book(), book().hands[0]?.itemId ?? null);
    expect(placeOf(entries, id('jonas'))).toBe(3);
    expect(placeOf(entries, id('claudia'))).toBeNull();
    expect(entries[0]).toMatchObject({ raisedAt: after(0), pointOfOrder: false });
  });

  it('M22 points of order go before ordinary hands, in their own order; a runner marks a hand as one', () => {
    const { run, sessionId, raise, order, id } = queue();
    raise('sven', 0);
    raise('anna', 1);
    expect(raise('jonas', 2, true)).toBe('accepted');
    raise('petra', 3);
    expect(order()).toEqual([id('jonas'), id('sven'), id('anna'), id('petra')]);
    expect(outcome(run('anna', q.markPointOfOrder(sessionId, id('petra')), after(4)))).toBe('forbidden:not_session_runner');
    expect(outcome(run('claudia', q.markPointOfOrder(sessionId, id('petra')), after(4)))).toBe('accepted');
    expect(order()).toEqual([id('jonas'), id('petra'), id('sven'), id('anna')]);
    expect(outcome(run('claudia', q.markPointOfOrder(sessionId, id('jonas')), after(5)))).toBe('conflict:point_of_order_already');
    expect(outcome(run('claudia', q.markPointOfOrder(sessionId, id('claudia')), after(5)))).toBe('conflict:hand_not_raised');
  });

  it('M23 a runner calls the next speaker: they speak from now and leave the queue, the one before stops', () => {
    const { run, sessionId, raise, order, call, speaker, book, id, items } = queue();
    expect(call(0)).toBe('conflict:speaker_queue_empty');
    raise('sven', 0);
    raise('anna', 1, true);
    expect(outcome(run('jonas', q.callNext(sessionId), after(2)))).toBe('forbidden:not_session_runner');
    expect(call(10)).toBe('accepted');
    expect(speaker()).toBe(id('anna'));
    expect(order()).toEqual([id('sven')]);
    expect(call(70)).toBe('accepted');
    expect(speaker()).toBe(id('sven'));
    expect(book().contributions).toEqual([
      { personId: id('anna'), partnerId: RS_PEOPLE.anna.partnerId, itemId: items[0], pointOfOrder: true, from: after(10), to: after(70) },
      { personId: id('sven'), partnerId: RS_PEOPLE.sven.partnerId, itemId: items[0], pointOfOrder: false, from: after(70), to: null },
    ]);
    expect(outcome(run('claudia', q.endContribution(sessionId), after(100)))).toBe('accepted');
    expect(speaker()).toBeNull();
    expect(outcome(run('claudia', q.endContribution(sessionId), after(101)))).toBe('conflict:nobody_speaking');
  });

  it('M24 with partner balance the next speaker is the first of a partner not heard on the item yet, else the first', () => {
    const { run, sessionId, raise, call, speaker, id } = queue();
    expect(outcome(run('claudia', q.rules(sessionId, { limitSeconds: null, partnerBalance: true }), after(0)))).toBe('accepted');
    raise('jonas', 1); // Wolfsburg
    raise('petra', 2); // Wolfsburg
    raise('anna', 3); // Braunschweig
    raise('sven', 4, true); // Salzgitter, point of order
    call(5);
    expect(speaker()).toBe(id('sven')); // a point of order goes first, balance or not
    call(6);
    expect(speaker()).toBe(id('jonas')); // Wolfsburg has not spoken yet
    call(7);
    expect(speaker()).toBe(id('anna')); // Braunschweig before Petra: Wolfsburg spoke
    call(8);
    expect(speaker()).toBe(id('petra')); // nobody else: the first
  });

  it('M25 a runner removes an entry from the queue', () => {
    const { run, sessionId, raise, order, id } = queue();
    raise('anna', 0);
    raise('sven', 1);
    expect(outcome(run('jonas', q.remove(sessionId, id('anna')), after(2)))).toBe('forbidden:not_session_runner');
    expect(outcome(run('claudia', q.remove(sessionId, id('anna')), after(2)))).toBe('accepted');
    expect(outcome(run('claudia', q.remove(sessionId, id('anna')), after(3)))).toBe('conflict:hand_not_raised');
    expect(order()).toEqual([id('sven')]);
  });

  it('M26 with a speaking-time limit a call starts the timer for the speaker; the contribution ending stops it', () => {
    const { run, sessionId, raise, call, state, id } = queue();
    run('claudia', q.rules(sessionId, { limitSeconds: 120, partnerBalance: false }), after(0));
    raise('anna', 1);
    raise('sven', 2);
    call(10);
    expect(state.sessionTimers[sessionId]).toEqual({ status: 'running', subject: { kind: 'speaker', personId: id('anna') }, durationMs: 120_000, endsAt: after(130) });
    call(50);
    expect(state.sessionTimers[sessionId]).toMatchObject({ subject: { personId: id('sven') }, endsAt: after(170) });
    run('claudia', q.endContribution(sessionId), after(60));
    expect(state.sessionTimers[sessionId]).toBeUndefined();
  });

  it('M27 the queue belongs to the current item; who spoke on which item is kept, ending with the item', () => {
    const { run, sessionId, raise, order, call, speaker, book, state, items, id, s } = queue();
    const [first = '', second = ''] = items;
    raise('anna', 0);
    raise('sven', 1);
    call(10);
    run('claudia', s.takeUp(sessionId, second), after(40));
    expect(order()).toEqual([]);
    expect(speaker()).toBeNull();
    expect(call(41)).toBe('conflict:speaker_queue_empty');
    raise('jonas', 42);
    call(50);
    run('claudia', s.end(sessionId), after(90));
    const session = state.sessions[sessionId];
    if (!session) throw new Error('the session is missing');
    const spoken = contributionsByItem(book(), session, after(500));
    expect(spoken[first]?.map((c) => [c.personId, c.from, c.to])).toEqual([[id('anna'), after(10), after(40)]]);
    expect(spoken[second]?.map((c) => [c.personId, c.from, c.to])).toEqual([[id('jonas'), after(50), after(90)]]);
    // A hand raised on the first item is not carried to the second.
    expect(book().hands.map((h) => h.personId)).toEqual([]);
    expect(book().pointsOfOrder).toEqual([]);
    expect(state.sessionSpeakers[sessionId]?.contributions).toHaveLength(2);
  });

  it('M28 the speaking rules are set by a runner while the session is planned or running', () => {
    const { run, sessionId, state, s } = runningSession({ planned: true });
    const rules = { limitSeconds: 90, partnerBalance: true };
    expect(outcome(run('anna', q.rules(sessionId, rules), after(0)))).toBe('forbidden:not_session_runner');
    expect(outcome(run('claudia', q.rules(sessionId, rules), after(0)))).toBe('accepted');
    expect(outcome(run('claudia', q.rules(sessionId, rules), after(1)))).toBe('conflict:no reason');
    expect(state.sessionSpeakers[sessionId]?.rules).toEqual(rules);
    run('claudia', s.start(sessionId), after(2));
    run('claudia', s.end(sessionId), after(3));
    expect(outcome(run('claudia', q.rules(sessionId, { limitSeconds: null, partnerBalance: false }), after(4)))).toBe('conflict:session_ended');
  });
});
