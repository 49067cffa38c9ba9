import { expect } from 'vitest';
import type { Command } from '@verbund/shared/commands';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../domain/actor.js';
import { decide, type Decision } from '../domain/decide.js';
import { contextAt } from './builders.js';

/** Decides at `now` and checks the given state was not touched: decide is pure. */
export function decidePure(given: WorkspaceState, command: Command, actor: Actor, now: string): Decision {
  const copy = structuredClone(given);
  const decision = decide(given, command, actor, contextAt(now));
  expect(given).toEqual(copy);
  return decision;
}

/** A decision in one comparable word: `accepted`, or the error's code and typed reason. */
export const outcome = (d: Decision): string => (d.ok ? 'accepted' : `${d.error.code}:${d.error.reason ?? 'no reason'}`);
