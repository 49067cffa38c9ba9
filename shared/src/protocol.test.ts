import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from './protocol.js';
import { voteViewSchema } from './vote-wire.js';

describe('protocol version (S1)', () => {
  it('S1 is pinned: a change of the wire shapes bumps it deliberately', () => {
    // 2: votes:viewed gained `turnout` and a nullable `participation` (D38); anonymous ballots name nobody (D39).
    expect(PROTOCOL_VERSION).toBe(2);
    expect(Object.keys(voteViewSchema.shape)).toContain('turnout');
  });
});
