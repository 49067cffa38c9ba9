import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeInputs } from '@verbund/shared/office-time';
import { applyEventsImmutably, emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { openSqliteStorage } from '../storage/sqlite-storage.js';
import type { Storage } from '../storage/port.js';
import { TEST_AUDIT_KEYS } from '../test-support/audit-keys.js';
import { DEMO_PEOPLE, DEMO_WORKSPACE_ID, seedDemo } from './demo.js';
import { stableId } from './workspace-setup.js';

describe('the demo workspace has a planned session (issue 11)', () => {
  let dir: string;
  let storage: Storage;
  let state: WorkspaceState;
  const seededAt = new Date('2027-03-01T08:00:00.000Z');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verbund-demo-'));
    storage = openSqliteStorage(join(dir, 'verbund.sqlite'));
    await seedDemo(storage, TEST_AUDIT_KEYS, seededAt);
    state = applyEventsImmutably(emptyState(DEMO_WORKSPACE_ID), await storage.readEvents(DEMO_WORKSPACE_ID, 0));
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('M1, M4: Claudia plans it a week ahead at ten, Berlin time, with three items on demo cards under stable ids', () => {
    const session = state.sessions[stableId('demo-session-1')];
    const claudia = DEMO_PEOPLE.find((p) => p.name === 'Claudia Richter');
    expect(session?.state).toBe('planned');
    expect(session?.moderatorId).toBe(claudia?.id);
    expect(officeInputs(session?.startsAt ?? '')).toEqual({ date: '2027-03-08', time: '10:00' });
    expect(session?.items.map((i) => i.id)).toEqual([0, 1, 2].map((n) => stableId(`demo-session-1-item-${n}`)));
    for (const item of session?.items ?? []) {
      expect(item.links.cardIds.length).toBeGreaterThan(0);
      for (const cardId of item.links.cardIds) expect(state.cards[cardId]).toBeDefined();
    }
    // M60: the E-Payment item carries the vote it is to reach, prepared, about its card.
    expect(session?.items.map((i) => i.preparedVote?.title ?? null)).toEqual([null, 'Eckpunkte der gemeinsamen E-Payment-Ausschreibung beschließen', null]);
    expect(session?.items[1]?.preparedVote?.cardIds).toEqual(session?.items[1]?.links.cardIds);
  });
});
