import { randomUUID } from 'node:crypto';
import { bestOffset, type ClockSample } from '../../shared/src/clock-offset.js';
import type { Command } from '../../shared/src/commands.js';
import { remainingMs, type SessionTimer } from '../../shared/src/features/sessions/timer.js';
import { serverTimeSchema } from '../../shared/src/protocol.js';
import { DEMO_PASSWORD } from '../../server/src/seed/demo.js';
import { connectSocket, editCommand, joinSocket, openMany, submitCommand, type VerbundSocket } from './clients.js';
import { Samples, sleep, waitFor, type LatencySummary } from './stats.js';
import { startVerbund } from './targets.js';

/**
 * Issue 11's session scenario: P participants in one running session while E people edit the
 * board. A hand raised, measured until every participant's client has the event (the queue is
 * state, so that is when each screen shows it); then a timer, and the shown remaining seconds on
 * every client, each from its own `time:sync` offset, read at the same instant.
 */
export type SessionLoadFigures = {
  participants: number;
  editors: number;
  editRate: number;
  raises: number;
  queueDelivery: LatencySummary;
  lost: number;
  /** Largest minus smallest estimated server clock across the clients at one instant (ms). */
  offsetSpreadMs: number;
  /** Largest minus smallest shown remaining seconds across the clients at one instant. */
  shownSecondsSkew: number;
};

const CLAUDIA = 'claudia.richter@braunschweig.example';

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'verbund' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function mustSubmit(socket: VerbundSocket, command: Command): Promise<void> {
  const answer = await submitCommand(socket, command);
  if (!answer.ok) throw new Error(`${command.type}: ${answer.error.code}`);
}

async function offsetOfSocket(socket: VerbundSocket): Promise<number> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < 5; i++) {
    const sentAt = Date.now();
    const answer = serverTimeSchema.parse(await socket.timeout(5_000).emitWithAck('time:sync'));
    samples.push({ sentAt, serverNow: answer.serverNow, receivedAt: Date.now() });
  }
  return bestOffset(samples);
}

export async function sessionUnderLoad(options: { participants: number; editors: number; editRate: number; raiseEveryMs: number }): Promise<SessionLoadFigures> {
  const target = await startVerbund({ accounts: options.participants + options.editors });
  const sockets: VerbundSocket[] = [];
  try {
    const { seeded } = target;
    const workspaceId = seeded.workspaceId;
    const cmd = (type: string, payload: unknown) => ({ id: randomUUID(), workspaceId, type, payload }) as Command;
    const moderator = await connectSocket(target.server.url, await login(target.server.url, CLAUDIA), workspaceId);
    sockets.push(moderator);
    await joinSocket(moderator, 0);
    const [sessionId, itemId] = [randomUUID(), randomUUID()];
    const fields = { title: 'Bench-Sitzung', startsAt: new Date().toISOString(), place: null, link: null, coModeratorIds: [] };
    await mustSubmit(moderator, cmd('session.create', { sessionId, fields }));
    await mustSubmit(moderator, cmd('session.add_item', { sessionId, itemId, fields: { title: 'Punkt', plannedMinutes: 30, links: { cardIds: [], voteIds: [], positionIds: [] } } }));
    await mustSubmit(moderator, cmd('session.start', { sessionId }));
    await mustSubmit(moderator, cmd('session.take_up_item', { sessionId, itemId }));

    const open = (i: number) => connectSocket(target.server.url, seeded.cookies[i] ?? '', workspaceId).then(async (s) => (await joinSocket(s, 0), s));
    const participants = await openMany(options.participants, open);
    const editors = await openMany(options.editors, (i) => open(options.participants + i));
    sockets.push(...participants, ...editors);

    // When each raise was sent, and how many participants still wait for it.
    const sent = new Map<string, { at: number; remaining: number }>();
    const delivery = new Samples();
    let timer: SessionTimer | null = null;
    for (const socket of participants) {
      socket.on('events:appended', (events) => {
        const now = performance.now();
        for (const event of events) {
          const raise = event.commandId ? sent.get(event.commandId) : undefined;
          if (raise && event.type === 'session.hand_raised') {
            delivery.push(now - raise.at);
            raise.remaining -= 1;
          }
          if (event.type === 'session.timer_started') timer = { status: 'running', subject: event.data.subject, durationMs: event.data.seconds * 1000, endsAt: new Date(Date.parse(event.at) + event.data.seconds * 1000).toISOString() };
        }
      });
    }

    let edits = 0;
    const editing = setInterval(() => {
      const editor = editors[edits % editors.length];
      if (editor) editor.emit('command:submit', editCommand(workspaceId, seeded.cardIds[edits % seeded.cardIds.length] ?? '', edits), () => undefined);
      edits += 1;
    }, 1000 / options.editRate);
    await sleep(500);
    for (const socket of participants) {
      const raise = cmd('session.raise_hand', { sessionId, pointOfOrder: false });
      sent.set(raise.id, { at: performance.now(), remaining: participants.length });
      socket.emit('command:submit', raise, () => undefined);
      await sleep(options.raiseEveryMs);
    }
    const outstanding = () => [...sent.values()].reduce((sum, s) => sum + s.remaining, 0);
    await waitFor(() => outstanding() === 0, 10_000, 20);
    clearInterval(editing);

    await mustSubmit(moderator, cmd('session.start_timer', { sessionId, subject: { kind: 'item', itemId }, seconds: 300 }));
    await waitFor(() => timer !== null, 5_000, 10);
    const offsets = await Promise.all(participants.map(offsetOfSocket));
    const shownAt = Date.now();
    const running: SessionTimer | null = timer;
    const shown = running ? offsets.map((offset) => Math.ceil(remainingMs(running, new Date(shownAt + offset).toISOString()) / 1000)) : [];
    return {
      participants: participants.length,
      editors: editors.length,
      editRate: options.editRate,
      raises: sent.size,
      queueDelivery: delivery.summary(),
      lost: outstanding(),
      offsetSpreadMs: Math.max(...offsets) - Math.min(...offsets),
      shownSecondsSkew: shown.length > 0 ? Math.max(...shown) - Math.min(...shown) : NaN,
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await target.close();
  }
}
