import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Command } from '@verbund/shared/commands';
import type { WorkspaceState } from '@verbund/shared/projection';
import { setCommandTransport, submitCommand, useCommandQueue } from '../../lib/command-queue';
import { queryKeys } from '../../lib/query-keys';
import type { VerbundSocket } from '../../lib/socket';
import { WORKSPACE_ID, card, stateWith, updatedEvent, uuid } from '../../test/fixtures';
import { GAP_WAIT_MS, createSyncSession } from './sync-session';

type Emitted = { event: string; payload: unknown };

/** Just enough of a socket: records what is emitted and answers acks from a script. */
function fakeSocket(answer: (event: string, payload: unknown) => unknown) {
  const emitted: Emitted[] = [];
  const socket = {
    connected: true,
    timeout: () => ({
      emitWithAck: (event: string, payload: unknown) => {
        emitted.push({ event, payload });
        return Promise.resolve(answer(event, payload));
      },
    }),
  };
  return { socket: socket as unknown as VerbundSocket, emitted };
}

const c = card({ title: 'A' });
const key = queryKeys.state(WORKSPACE_ID);
const title = (qc: QueryClient) => qc.getQueryData<WorkspaceState>(key)?.cards[c.id]?.title;
const update = (t: string): Command => ({ id: uuid(), workspaceId: WORKSPACE_ID, type: 'card.update', payload: { cardId: c.id, changes: { title: t } } });
const hooks = { onRejected: vi.fn(), onUnauthenticated: vi.fn() };

beforeEach(() => {
  useCommandQueue.setState({ pending: [] });
  setCommandTransport(null);
  hooks.onRejected.mockReset();
});
afterEach(() => vi.useRealTimers());

describe('sync session', () => {
  it('on reconnect catches up first, then resends pending commands with their original ids', async () => {
    const qc = new QueryClient();
    qc.setQueryData(key, stateWith([c], 10));
    const offline = update('offline geändert');
    submitCommand(offline);
    const { socket, emitted } = fakeSocket((event) =>
      event === 'sync:join'
        ? { ok: true, value: { kind: 'events', events: [updatedEvent(11, c.id, { title: 'remote' })] } }
        : { ok: true, value: { seq: 12, events: [updatedEvent(12, c.id, { title: 'offline geändert' })] } },
    );
    await createSyncSession(socket, WORKSPACE_ID, qc, hooks).onConnected();
    await vi.waitFor(() => expect(useCommandQueue.getState().pending).toHaveLength(0));

    expect(emitted.map((e) => e.event)).toEqual(['sync:join', 'command:submit']);
    expect(emitted[0]?.payload).toEqual({ lastSeq: 10 });
    expect(emitted[1]?.payload).toMatchObject({ id: offline.id });
    expect(qc.getQueryData<WorkspaceState>(key)?.seq).toBe(12);
    expect(title(qc)).toBe('offline geändert');
  });

  it('drops a rejected command and reports its error code', async () => {
    const qc = new QueryClient();
    qc.setQueryData(key, stateWith([c], 10));
    const { socket } = fakeSocket((event) =>
      event === 'sync:join' ? { ok: true, value: { kind: 'events', events: [] } } : { ok: false, error: { code: 'forbidden', message: 'no' } },
    );
    await createSyncSession(socket, WORKSPACE_ID, qc, hooks).onConnected();
    submitCommand(update('verboten'));
    await vi.waitFor(() => expect(hooks.onRejected).toHaveBeenCalledWith({ code: 'forbidden', message: 'no' }));
    expect(useCommandQueue.getState().pending).toHaveLength(0);
    expect(title(qc)).toBe('A');
  });

  it('asks the server again when a hole in the seqs stays open', async () => {
    vi.useFakeTimers();
    const qc = new QueryClient();
    qc.setQueryData(key, stateWith([c], 10));
    const { socket, emitted } = fakeSocket(() => ({ ok: true, value: { kind: 'events', events: [updatedEvent(11, c.id, { title: 'elf' }), updatedEvent(12, c.id, { title: 'zwölf' })] } }));
    const session = createSyncSession(socket, WORKSPACE_ID, qc, hooks);

    session.apply([updatedEvent(12, c.id, { title: 'zwölf' })]);
    expect(title(qc)).toBe('A');
    expect(emitted).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(GAP_WAIT_MS + 10);
    expect(emitted.map((e) => e.payload)).toEqual([{ lastSeq: 10 }]);
    expect(title(qc)).toBe('zwölf');
    expect(qc.getQueryData<WorkspaceState>(key)?.seq).toBe(12);
  });

  it('a snapshot answer replaces the state', async () => {
    const qc = new QueryClient();
    qc.setQueryData(key, stateWith([c], 10));
    const fresh = stateWith([card({ title: 'neu' })], 500);
    const { socket } = fakeSocket(() => ({ ok: true, value: { kind: 'snapshot', state: fresh } }));
    await createSyncSession(socket, WORKSPACE_ID, qc, hooks).onConnected();
    expect(qc.getQueryData<WorkspaceState>(key)?.seq).toBe(500);
    expect(qc.getQueryData<WorkspaceState>(key)?.cards[c.id]).toBeUndefined();
  });
});
