import type { Invitation } from '@verbund/shared/admin';

export type InvitationStatus = 'open' | 'used' | 'expired' | 'revoked';

export function invitationStatus(invitation: Pick<Invitation, 'usedBy' | 'revoked' | 'expiresAt'>, now: Date): InvitationStatus {
  if (invitation.usedBy) return 'used';
  if (invitation.revoked) return 'revoked';
  return invitation.expiresAt <= now.toISOString() ? 'expired' : 'open';
}

/** The link the invited person opens; the token is the only secret in it and is URL-safe base64. */
export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/invite/${encodeURIComponent(token)}`;
}

const ORDER: Record<InvitationStatus, number> = { open: 0, used: 1, expired: 2, revoked: 3 };

/** Open ones first (what an admin may still act on), then newest expiry first. */
export function sortInvitations<T extends Pick<Invitation, 'usedBy' | 'revoked' | 'expiresAt'>>(invitations: readonly T[], now: Date): T[] {
  return [...invitations].sort(
    (a, b) => ORDER[invitationStatus(a, now)] - ORDER[invitationStatus(b, now)] || b.expiresAt.localeCompare(a.expiresAt),
  );
}
