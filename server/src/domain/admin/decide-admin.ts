import type { CommandType } from '@verbund/shared/commands';
import type { Invitation } from '@verbund/shared/admin';
import { appError, refusal, type AppError, type RefusalReason } from '@verbund/shared/errors';
import type { WorkspaceState } from '@verbund/shared/projection';
import { isSystem } from '../actor.js';
import { accept, reject, type Decision, type Deciders } from '../decision.js';

type AdminCommand = Extract<CommandType, `partner.${string}` | `member.${string}` | `invitation.${string}` | `deputy.${string}`>;

/** Invitations are valid for at most 30 days. */
export const MAX_INVITATION_DAYS = 30;

const conflict = (reason: RefusalReason, message: string) => reject(refusal('conflict', reason, message));
const invalid = (reason: RefusalReason, message: string) => reject(refusal('invalid_payload', reason, message));
const notFound = (what: 'partner' | 'person' | 'invitation' | 'deputyship') => reject(refusal('not_found', `${what}_not_found`, `${what} not found`));
/** Ids are the client's fresh UUIDs: a clash is nothing a person could act on, so it has no reason. */
const idTaken = (what: string) => reject(appError('conflict', `${what} with this id exists`));

export const adminDeciders: Deciders<AdminCommand> = {
  'partner.add': (state, { payload }) => {
    if (state.partners[payload.partnerId]) return idTaken('a partner');
    if (Object.values(state.partners).some((p) => p.shortName.toLowerCase() === payload.shortName.toLowerCase())) {
      return conflict('short_name_taken', 'another partner has this short name');
    }
    return accept({ type: 'partner.added', data: { partner: { id: payload.partnerId, name: payload.name, shortName: payload.shortName, active: true } } });
  },
  'partner.rename': (state, { payload }) => {
    if (!state.partners[payload.partnerId]) return notFound('partner');
    const clash = Object.values(state.partners).some(
      (p) => p.id !== payload.partnerId && p.shortName.toLowerCase() === payload.shortName.toLowerCase(),
    );
    return clash ? conflict('short_name_taken', 'another partner has this short name') : accept({ type: 'partner.renamed', data: payload });
  },
  'partner.deactivate': (state, { payload }, actor) => {
    const partner = state.partners[payload.partnerId];
    if (!partner) return notFound('partner');
    if (!partner.active) return conflict('partner_inactive', 'the partner is already inactive');
    if (payload.partnerId === actor.partnerId) return conflict('own_partner', 'you cannot deactivate your own partner');
    return accept({ type: 'partner.deactivated', data: payload });
  },
  'partner.reactivate': (state, { payload }) => {
    const partner = state.partners[payload.partnerId];
    if (!partner) return notFound('partner');
    return partner.active ? conflict('partner_active', 'the partner is active') : accept({ type: 'partner.reactivated', data: payload });
  },
  'member.set_roles': (state, { payload }) =>
    withMember(state, payload.personId, () =>
      !payload.roles.includes('admin') && isLastAdmin(state, payload.personId)
        ? conflict('last_admin', 'the workspace needs at least one admin')
        : accept({ type: 'member.roles_set', data: payload }),
    ),
  'member.set_partner': (state, { payload }) =>
    withMember(state, payload.personId, (member) => {
      if (!state.partners[payload.partnerId]?.active) return notFound('partner');
      if (member.partnerId === payload.partnerId) return conflict('same_partner', 'the person already belongs to this partner');
      return accept({ type: 'member.partner_set', data: payload });
    }),
  'member.deactivate': (state, { payload }, actor) =>
    withMember(state, payload.personId, (member) => {
      if (payload.personId === actor.personId) return conflict('deactivate_self', 'you cannot deactivate yourself');
      if (!member.active) return conflict('person_inactive', 'the person is already inactive');
      return isLastAdmin(state, payload.personId)
        ? conflict('last_admin', 'the workspace needs at least one admin')
        : accept({ type: 'member.deactivated', data: payload });
    }),
  'member.reactivate': (state, { payload }) =>
    withMember(state, payload.personId, (member) =>
      member.active ? conflict('person_active', 'the person is active') : accept({ type: 'member.reactivated', data: payload }),
    ),
  /**
   * An admin ends a person's membership here (their account lives on); the system does it in every
   * workspace when the account itself is erased, then even for the last admin (A12).
   */
  'member.erase': (state, { payload }, actor) =>
    withMember(state, payload.personId, () => {
      if (isSystem(actor)) return accept({ type: 'member.erased', data: payload });
      if (payload.personId === actor.personId) return conflict('erase_self', 'you cannot erase yourself here');
      return isLastAdmin(state, payload.personId)
        ? conflict('last_admin', 'the workspace needs at least one admin')
        : accept({ type: 'member.erased', data: payload });
    }),
  'member.join': (state, { payload }, actor, ctx) => {
    const invitation = state.invitations[payload.invitationId];
    if (!invitation) return notFound('invitation');
    const problem = invitationProblem(invitation, ctx.now);
    if (problem) return reject(problem);
    if (state.members[actor.personId]) return conflict('already_member', 'you are already a member of this workspace');
    if (!state.partners[invitation.partnerId]?.active) return notFound('partner');
    const member = {
      personId: actor.personId,
      partnerId: invitation.partnerId,
      roles: invitation.roles,
      active: true,
      erased: false,
      joinedAt: ctx.now,
    };
    return accept({ type: 'member.joined', data: { member, invitationId: invitation.id } });
  },
  'invitation.create': (state, { payload }, actor, ctx) => {
    if (state.invitations[payload.invitationId]) return idTaken('an invitation');
    if (!state.partners[payload.partnerId]?.active) return notFound('partner');
    const latest = ctx.inDays(MAX_INVITATION_DAYS);
    if (payload.expiresAt <= ctx.now || payload.expiresAt > latest) {
      return invalid('invitation_expiry_range', `an invitation must expire within ${MAX_INVITATION_DAYS} days`);
    }
    const invitation = { ...payload, id: payload.invitationId, createdBy: actor.personId, usedBy: null, revoked: false };
    const { invitationId: _, ...stored } = invitation;
    return accept({ type: 'invitation.created', data: { invitation: stored } });
  },
  'invitation.revoke': (state, { payload }) => {
    const invitation = state.invitations[payload.invitationId];
    if (!invitation || invitation.revoked) return notFound('invitation');
    return invitation.usedBy ? conflict('invitation_used', 'the invitation has already been used') : accept({ type: 'invitation.revoked', data: payload });
  },
  'deputy.appoint': (state, { payload }, actor, ctx) => {
    if (state.deputyships[payload.deputyshipId]) return idTaken('a deputyship');
    const deputy = state.members[payload.deputyId];
    if (!deputy?.active || deputy.partnerId !== actor.partnerId) return invalid('deputy_not_in_partner', 'the deputy must be an active member of your partner');
    if (payload.deputyId === actor.personId) return invalid('deputy_self', 'you cannot be your own deputy');
    if (payload.to < ctx.today) return invalid('range_past', 'the range lies in the past');
    const deputyship = { id: payload.deputyshipId, partnerId: actor.partnerId, dezernentId: actor.personId, deputyId: payload.deputyId, from: payload.from, to: payload.to, revoked: false };
    return accept({ type: 'deputy.appointed', data: { deputyship } });
  },
  'deputy.revoke': (state, { payload }) => {
    const deputyship = state.deputyships[payload.deputyshipId];
    if (!deputyship || deputyship.revoked) return notFound('deputyship');
    return accept({ type: 'deputy.revoked', data: payload });
  },
};

/** Why an invitation cannot be used now, or null: the one rule behind the link page and joining. */
export function invitationProblem(invitation: Invitation, now: string): AppError | null {
  if (invitation.revoked) return refusal('conflict', 'invitation_revoked', 'the invitation was withdrawn');
  if (invitation.usedBy) return refusal('conflict', 'invitation_used', 'the invitation has already been used');
  if (invitation.expiresAt <= now) return refusal('conflict', 'invitation_expired', 'the invitation has expired');
  return null;
}

function withMember(
  state: WorkspaceState,
  personId: string,
  then: (member: NonNullable<WorkspaceState['members'][string]>) => Decision,
): Decision {
  const member = state.members[personId];
  if (!member) return notFound('person');
  return member.erased ? conflict('person_erased', 'the person was erased') : then(member);
}

function isLastAdmin(state: WorkspaceState, personId: string): boolean {
  const admins = Object.values(state.members).filter((m) => m.active && m.roles.includes('admin'));
  return admins.length === 1 && admins[0]?.personId === personId;
}
