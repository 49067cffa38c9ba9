import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '@verbund/shared/commands';
import { ROLES } from '@verbund/shared/model';
import { testId } from '../test-support/builders.js';
import { COMMAND_POLICY, mayRun, QUERY_POLICY } from './policy.js';

const member = (roles: (typeof ROLES)[number][]) => ({ personId: testId(1), partnerId: testId(2), roles });

describe('policy', () => {
  it('S12 COMMAND_POLICY has a rule for every command type and nothing else', () => {
    expect(COMMAND_TYPES.length).toBeGreaterThan(0);
    for (const type of COMMAND_TYPES) expect(typeof COMMAND_POLICY[type], type).toBe('function');
    expect(Object.keys(COMMAND_POLICY).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(ROLES)('S12 a person with the role %s may run every command', (role) => {
    for (const type of COMMAND_TYPES) expect(mayRun(member([role]), type), type).toBe(true);
  });

  it('S12 a person without roles may run no command and read nothing', () => {
    for (const type of COMMAND_TYPES) expect(mayRun(member([]), type), type).toBe(false);
    expect(QUERY_POLICY.readWorkspace(member([]))).toBe(false);
    expect(QUERY_POLICY.readHistory(member([]))).toBe(false);
  });
});
