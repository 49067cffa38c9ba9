import { describe, expect, it } from 'vitest';
import { invitationLink, invitationStatus, sortInvitations } from './invitations';
import { sameRoles, toggleRole } from './roles';

describe('toggleRole', () => {
  it('adds and removes a role, keeping the canonical order', () => {
    expect(toggleRole(['admin'], 'member', true)).toEqual(['member', 'admin']);
    expect(toggleRole(['member', 'dezernent'], 'member', false)).toEqual(['dezernent']);
    expect(toggleRole(['member'], 'member', true)).toEqual(['member']);
  });

  it('refuses to take the last role away', () => {
    expect(toggleRole(['member'], 'member', false)).toBeNull();
  });

  it('compares role lists regardless of order', () => {
    expect(sameRoles(['admin', 'member'], ['member', 'admin'])).toBe(true);
    expect(sameRoles(['member'], ['member', 'admin'])).toBe(false);
  });
});

describe('invitations', () => {
  const now = new Date('2026-05-01T12:00:00.000Z');
  const base = { usedBy: null, revoked: false, expiresAt: '2026-05-08T12:00:00.000Z' };

  it('tells open, used, expired and revoked apart', () => {
    expect(invitationStatus(base, now)).toBe('open');
    expect(invitationStatus({ ...base, usedBy: '44444444-4444-4444-8444-444444444444' }, now)).toBe('used');
    expect(invitationStatus({ ...base, revoked: true }, now)).toBe('revoked');
    expect(invitationStatus({ ...base, expiresAt: '2026-05-01T12:00:00.000Z' }, now)).toBe('expired');
  });

  it('builds the link from the origin and the token', () => {
    expect(invitationLink('https://verbund.example/', 'abc-_DEF')).toBe('https://verbund.example/invite/abc-_DEF');
  });

  it('lists open invitations first', () => {
    const used = { ...base, usedBy: '44444444-4444-4444-8444-444444444444', expiresAt: '2026-06-01T00:00:00.000Z' };
    expect(sortInvitations([used, base], now)).toEqual([base, used]);
  });
});
