import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';

const WS = 'w-1';
const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => expect(key.slice(0, prefix.length)).toEqual(prefix);

describe('queryKeys', () => {
  it('every key of a workspace starts with the workspace and its id', () => {
    const keys = [
      queryKeys.state(WS),
      queryKeys.people(WS),
      queryKeys.votes(WS),
      queryKeys.decisionList(WS, { status: 'open' }),
      queryKeys.cardHistory(WS, 'c-1'),
      queryKeys.auditList(WS, { personId: '' }),
      queryKeys.auditVerdict(WS),
    ];
    for (const key of keys) startsWith(key, ['workspace', WS]);
  });

  it('the key that is invalidated is a prefix of the keys it must refresh', () => {
    startsWith(queryKeys.decisionList(WS, { status: 'open' }), queryKeys.decisions(WS));
    startsWith(queryKeys.cardHistory(WS, 'c-1'), queryKeys.cards(WS));
    startsWith(queryKeys.accountSessions, queryKeys.account);
    startsWith(queryKeys.accountSecurityEvents, queryKeys.account);
  });
});
