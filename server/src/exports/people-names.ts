import type { WorkspaceState } from '@verbund/shared/projection';
import type { Account } from '../storage/port.js';

/** P54: the names of accounts whose person is not erased (A12), by id; anyone else is named as a former member. */
export function namedAccounts(accounts: readonly Account[], state: Readonly<WorkspaceState>): Map<string, string> {
  return new Map(accounts.filter((a) => a.erasedAt === null && state.members[a.id]?.erased !== true).map((a) => [a.id, a.name]));
}
