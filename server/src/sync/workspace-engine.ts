import { randomBytes, randomUUID } from 'node:crypto';
import type { Command } from '@verbund/shared/commands';
import { appError } from '@verbund/shared/errors';
import { EVENT_VERSION, GENESIS_HASH, SYSTEM_ACTOR_ID, type StoredEvent } from '@verbund/shared/events';
import { applyEvent, emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { replaySlices, restoreSlices } from '@verbund/shared/snapshot-slices';
import { officeDay } from '@verbund/shared/model';
import type { Ack, CatchUp, CommandResult } from '@verbund/shared/protocol';
import type { AuditKeys } from '../audit/audit-key.js';
import { actorFrom, type Actor } from '../domain/actor.js';
import { decide } from '../domain/decide.js';
import { DOMAIN_FEATURES } from '../domain/feature-registry.js';
import { SequenceConflictError, type Storage } from '../storage/port.js';
import { sealEvent, verifyChain } from './hash-chain.js';
import { checkSnapshot, sealSnapshot, type TrustedSnapshot } from './snapshot-seal.js';

export type EngineOptions = {
  storage: Storage;
  /** Seals every event into the keyed hash chain (rule S9). */
  auditKeys: AuditKeys;
  clock: () => Date;
  /** Write a snapshot after this many events. */
  snapshotEvery: number;
  /** How many recent events are kept for catch-up; a client further behind gets a snapshot (rule S6). */
  catchUpWindow: number;
  /** Called after events are durably stored, before the senders are acknowledged (rule S3). */
  onCommitted: (workspaceId: string, events: StoredEvent[], state: Readonly<WorkspaceState>) => void;
  /** Whether a person has a joined live connection to the workspace (presence); none without a live server. */
  connected?: (workspaceId: string, personId: string) => boolean;
  log: (message: string, error?: unknown) => void;
};

type Pending = { command: Command; personId: string; resolve: (answer: Ack<CommandResult>) => void; attempts: number };


const MAX_APPEND_ATTEMPTS = 5;
/** setTimeout's largest delay; a vote closing later is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** After scheduled work failed (e.g. storage down), wait this long before trying again. */
const RETRY_DUE_WORK_MS = 1_000;
const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || Date.parse(a) <= Date.parse(b) ? a : b);

/** Events read per page when a slice is rebuilt from the log. */
const REBUILD_PAGE = 5_000;

/**
 * One workspace's authority: the in-memory projection, the tail of its log, and a queue of
 * commands that are decided in arrival order and committed together (one transaction, one flush).
 */
export class WorkspaceEngine {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  private readonly inflight = new Map<string, { personId: string; answer: Promise<Ack<CommandResult>> }>();
  private recent: StoredEvent[] = [];
  private lastHash = GENESIS_HASH;
  private lastSnapshotSeq = 0;
  /** The stored log did not verify when it was read: no snapshot may then vouch for the state built on it. */
  private chainBroken = false;
  private dueTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  private constructor(
    readonly workspaceId: string,
    private state: WorkspaceState,
    private readonly options: EngineOptions,
  ) {}

  /** Loads the projection from the latest snapshot plus the events after it; null if no such workspace. */
  static async load(workspaceId: string, options: EngineOptions): Promise<WorkspaceEngine | null> {
    const engine = new WorkspaceEngine(workspaceId, emptyState(workspaceId), options);
    await engine.reload();
    if (engine.state.seq === 0) return null;
    // A long replay is done once: the next start begins from a snapshot.
    engine.maybeSnapshot();
    // D26: what fell due while the server was down is closed before anyone reads the workspace.
    await engine.runDueWork();
    return engine;
  }

  get name(): string {
    return this.state.name;
  }

  get seq(): number {
    return this.state.seq;
  }

  /** Who a person is here now (roles, partner), or null when they are not an active member. */
  actorFor(personId: string): Actor | null {
    return actorFrom(this.state, personId);
  }

  /** The committed state, without waiting; for checks that tolerate a commit in flight. */
  peek(): Readonly<WorkspaceState> {
    return this.state;
  }

  /**
   * Rule S4: a command id is applied once; a retry gets the first answer. The person's roles are
   * looked up when the command is decided, so a role withdrawn a moment ago already counts.
   */
  submit(command: Command, personId: string): Promise<Ack<CommandResult>> {
    const running = this.inflight.get(command.id);
    if (running) {
      // Another person's command with this id is still running: theirs, not a retry of ours.
      if (running.personId !== personId) return Promise.resolve({ ok: false, error: appError('conflict', 'command id already used') });
      return running.answer;
    }
    const answer = this.answerOrEnqueue(command, personId).finally(() => this.inflight.delete(command.id));
    this.inflight.set(command.id, { personId, answer });
    return answer;
  }

  /** Scheduled work of the server itself (rule D35): decided like any command, by the system actor. */
  submitAsSystem(command: Command): Promise<Ack<CommandResult>> {
    return this.submit(command, SYSTEM_ACTOR_ID);
  }

  /**
   * Runs the features' scheduled work that is due by the injected clock (closing votes, D26), then
   * arms the timer for the next. Runs on load, from the timer, and may be called by tests that move the clock.
   */
  async runDueWork(): Promise<void> {
    if (this.stopped) return;
    const now = this.options.clock().toISOString();
    const due = DOMAIN_FEATURES.flatMap((f) => f.schedule?.dueCommands(this.state, now) ?? []);
    const answers = await Promise.all(due.map((command) => this.submitAsSystem({ ...command, id: randomUUID(), workspaceId: this.workspaceId })));
    // A conflict means someone did it by hand in the meantime (closed the vote): nothing left to do.
    const failed = answers.filter((a) => !a.ok && a.error.code !== 'conflict');
    if (failed.length > 0) this.options.log(`scheduled work failed for ${failed.length} command(s)`);
    this.armDueTimer(failed.length > 0 ? RETRY_DUE_WORK_MS : 0);
  }

  /** Ends scheduled work (the server is shutting down); the engine answers nothing scheduled after this. */
  stop(): void {
    this.stopped = true;
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = null;
  }

  /** Wakes at the next closing time, re-reading the clock then (a fake clock in tests may have moved). */
  private armDueTimer(minDelay = 0): void {
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = null;
    if (this.stopped) return;
    const next = DOMAIN_FEATURES.map((f) => f.schedule?.nextDue(this.state) ?? null).reduce(earliest, null);
    if (next === null) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(minDelay, Date.parse(next) - this.options.clock().getTime()));
    this.dueTimer = setTimeout(() => {
      this.dueTimer = null;
      this.runDueWork().catch((error: unknown) => this.options.log('scheduled work failed', error));
    }, delay);
    this.dueTimer.unref();
  }

  /** The committed state. Waits for a running commit so nobody reads events that are not yet stored. */
  async readState(): Promise<WorkspaceState> {
    await this.idle();
    return this.state;
  }

  /**
   * Rule S5/S6: joins the caller to the live stream and answers what it missed, with no gap and
   * no event lost in between: `join` runs in the same synchronous step as the catch-up is cut.
   */
  async catchUp(lastSeq: number, join: () => void): Promise<CatchUp> {
    await this.idle();
    join();
    const { seq } = this.state;
    if (lastSeq === seq) return { kind: 'events', events: [] };
    const first = this.recent[0];
    if (lastSeq < seq && seq - lastSeq <= this.options.catchUpWindow && first && first.seq <= lastSeq + 1) {
      return { kind: 'events', events: this.recent.slice(lastSeq + 1 - first.seq) };
    }
    return { kind: 'snapshot', state: structuredClone(this.state) };
  }

  private async answerOrEnqueue(command: Command, personId: string): Promise<Ack<CommandResult>> {
    const earlier = await this.options.storage.readCommandEvents(this.workspaceId, command.id);
    if (earlier.length > 0) {
      if (earlier[0]?.actorId !== personId) return { ok: false, error: appError('conflict', 'command id already used') };
      return { ok: true, value: { seq: earlier[earlier.length - 1]?.seq ?? 0, events: earlier } };
    }
    return new Promise((resolve) => {
      this.queue.push({ command, personId, resolve, attempts: 0 });
      this.schedule();
    });
  }

  private async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0);
    const accepted: { pending: Pending; events: StoredEvent[] }[] = [];
    const clock = this.options.clock();
    const now = clock.toISOString();
    const ctx = {
      now,
      today: officeDay(clock),
      inDays: (days: number) => new Date(clock.getTime() + days * 86_400_000).toISOString(),
      seal: () => randomBytes(16).toString('hex'),
      connected: (personId: string) => this.options.connected?.(this.workspaceId, personId) ?? false,
    };
    for (const pending of batch) {
      // Someone who is not (or no longer) an active member acts without roles: only `member.join` is open to them.
      const actor = actorFrom(this.state, pending.personId) ?? { personId: pending.personId, partnerId: '', roles: [] };
      const decision = decide(this.state, pending.command, actor, ctx);
      if (!decision.ok) {
        pending.resolve({ ok: false, error: decision.error });
        continue;
      }
      const events = decision.events.map((event) => {
        const stored = sealEvent(this.options.auditKeys, this.lastHash, {
          ...event,
          v: EVENT_VERSION,
          workspaceId: this.workspaceId,
          seq: this.state.seq + 1,
          actorId: actor.personId,
          partnerId: actor.partnerId || null,
          at: now,
          commandId: pending.command.id,
        });
        applyEvent(this.state, stored);
        this.lastHash = stored.hash;
        return stored;
      });
      accepted.push({ pending, events });
    }
    if (accepted.length === 0) return;
    const all = accepted.flatMap((a) => a.events);
    try {
      await this.options.storage.appendEvents(this.workspaceId, all);
    } catch (error) {
      await this.recoverFrom(error, accepted.map((a) => a.pending));
      return;
    }
    this.remember(all);
    this.options.onCommitted(this.workspaceId, all, this.state);
    this.armDueTimer();
    for (const { pending, events } of accepted) {
      pending.resolve({ ok: true, value: { seq: events[events.length - 1]?.seq ?? this.state.seq, events } });
    }
    this.maybeSnapshot();
  }

  /** The in-memory state ran ahead of the log: rebuild it; retry after losing a race to another node. */
  private async recoverFrom(error: unknown, pendings: Pending[]): Promise<void> {
    await this.reload();
    this.armDueTimer();
    const retry = error instanceof SequenceConflictError;
    if (!retry) this.options.log('append failed', error);
    for (const pending of pendings) {
      pending.attempts += 1;
      if (retry && pending.attempts < MAX_APPEND_ATTEMPTS) this.queue.unshift(pending);
      else pending.resolve({ ok: false, error: appError('internal', 'the change could not be saved') });
    }
  }

  private async reload(): Promise<void> {
    const { storage, auditKeys, log } = this.options;
    const snapshot = await this.trustedSnapshot();
    this.lastSnapshotSeq = 0;
    this.state = snapshot ? await this.restore(snapshot) : emptyState(this.workspaceId);
    this.lastHash = snapshot ? snapshot.hash : GENESIS_HASH;
    const tail = await storage.readEvents(this.workspaceId, this.state.seq);
    const verdict = verifyChain(auditKeys, tail, this.lastHash, this.state.seq);
    // The workspace is still served (the log is all there is), loudly, and the admins' audit check shows the break.
    this.chainBroken = !verdict.ok;
    if (!verdict.ok) log(`AUDIT: the hash chain of workspace ${this.workspaceId} is broken at seq ${verdict.brokenAt} (${verdict.reason}); no snapshots are written for it`);
    for (const event of tail) {
      applyEvent(this.state, event);
      this.lastHash = event.hash;
    }
    const window = this.options.catchUpWindow;
    this.recent = tail.length >= window ? tail.slice(-window) : await storage.readEvents(this.workspaceId, Math.max(0, this.state.seq - window));
  }

  /** The stored snapshot if it proves itself (rule S9); a failing one is ignored loudly and the log replayed. */
  private async trustedSnapshot(): Promise<TrustedSnapshot | null> {
    const { storage, auditKeys, log } = this.options;
    const stored = await storage.loadSnapshot(this.workspaceId);
    if (!stored) return null;
    const checked = await checkSnapshot(storage, auditKeys, this.workspaceId, stored);
    if (checked.ok) return checked.snapshot;
    log(`AUDIT: the snapshot of workspace ${this.workspaceId} is not used because ${checked.problem}; the state is rebuilt from the log`);
    return null;
  }

  /**
   * The snapshot's state with every slice at its current version (issue 9 item 3): migrated where a
   * migration exists, else that slice alone rebuilt from the log up to the snapshot. A rebuilt state
   * is snapshotted again at once.
   */
  private async restore(snapshot: TrustedSnapshot): Promise<WorkspaceState> {
    const { state, stale } = restoreSlices(snapshot, this.workspaceId, snapshot.seq);
    this.lastSnapshotSeq = stale.length > 0 ? 0 : snapshot.seq;
    if (stale.length === 0) return state;
    const described = stale.map((s) => `${s.name} (stored ${s.stored ?? 'without a version'}, now ${s.current})`).join(', ');
    this.options.log(`the snapshot of workspace ${this.workspaceId} holds slices this server cannot migrate: ${described}; they are rebuilt from the log`);
    const names = stale.map((s) => s.name);
    for (let after = 0; after < snapshot.seq; ) {
      const page = await this.options.storage.readEvents(this.workspaceId, after, Math.min(REBUILD_PAGE, snapshot.seq - after));
      const last = page.at(-1);
      if (!last) break;
      replaySlices(state, names, page);
      after = last.seq;
    }
    return state;
  }

  private remember(events: StoredEvent[]): void {
    this.recent.push(...events);
    const window = this.options.catchUpWindow;
    if (this.recent.length > 2 * window) this.recent = this.recent.slice(-window);
  }

  private maybeSnapshot(): void {
    if (this.chainBroken || this.state.seq - this.lastSnapshotSeq < this.options.snapshotEvery) return;
    this.lastSnapshotSeq = this.state.seq;
    const snapshot = sealSnapshot(this.options.auditKeys, this.workspaceId, { seq: this.state.seq, hash: this.lastHash, state: structuredClone(this.state) });
    this.options.storage.saveSnapshot(this.workspaceId, snapshot).catch((error: unknown) => this.options.log('snapshot failed', error));
  }
}
