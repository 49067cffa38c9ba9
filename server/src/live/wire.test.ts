import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@verbund/shared/events';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import type { LiveServer } from './socket-server.js';
import { ADMIN_READER, catchUpToWire, eventsToWire, MEMBER_READER, stateToWire } from '../domain/wire.js';

/**
 * Issue 9 item 2: what leaves the server is `Wire`, made only by the features' reader views. The
 * type checks are the point of this file: `pnpm typecheck` compiles it, and each `@ts-expect-error`
 * fails the build the day a raw value could be sent.
 */
export function rawValuesDoNotCompile(io: LiveServer, events: StoredEvent[], state: WorkspaceState): void {
  // @ts-expect-error a raw stored event cannot be broadcast
  io.to('room').emit('events:appended', events);
  io.to('room').emit('events:appended', eventsToWire(events, MEMBER_READER, state));
  io.on('connection', (socket) => {
    socket.on('sync:join', (_request, ack) => {
      // @ts-expect-error a raw snapshot cannot answer a join
      ack({ ok: true, value: { kind: 'snapshot', state } });
      ack({ ok: true, value: catchUpToWire({ kind: 'snapshot', state }, MEMBER_READER, state) });
    });
  });
}

const WS = '7d1f3c1e-0000-4000-8000-000000000001';
const invitation = { id: '7d1f3c1e-0000-4000-8000-0000000000a1', tokenHash: 'a'.repeat(64), partnerId: WS, roles: ['member' as const], expiresAt: '2026-03-09T09:30:00.000Z', createdBy: WS, usedBy: null, revoked: false };

describe('the wire boundary (issue 9 item 2)', () => {
  it('every feature view is applied: a member never gets invitations, an admin does', () => {
    const state = { ...emptyState(WS), invitations: { [invitation.id]: invitation } };
    expect(stateToWire(state, MEMBER_READER).invitations).toEqual({});
    expect(stateToWire(state, ADMIN_READER).invitations).toEqual(state.invitations);
    const created = { v: 1, workspaceId: WS, seq: 1, type: 'invitation.created', data: { invitation }, actorId: WS, partnerId: null, at: invitation.expiresAt, commandId: null, prevHash: '0'.repeat(64), hash: '0'.repeat(64) } as const;
    expect(eventsToWire([created], MEMBER_READER, state).map((e) => e.type)).toEqual(['withheld']);
    expect(eventsToWire([created], ADMIN_READER, state).map((e) => e.type)).toEqual(['invitation.created']);
  });

  it('events that no view changes come back as the same array, so the broadcast sends one copy to everyone', () => {
    const events: StoredEvent[] = [];
    expect(eventsToWire(events, MEMBER_READER, emptyState(WS))).toBe(events);
  });
});
