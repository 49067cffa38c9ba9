import { z } from 'zod';
import { idSchema, instantSchema, partnerNameSchema, partnerShortNameSchema, roleSchema, ROLES } from './model.js';

/**
 * Partners, people, roles, deputies and invitations: the workspace's own administration. All of it
 * is in the event log (who changed whose role, when), with people named by id only.
 */
export const rolesSchema = z
  .array(roleSchema)
  .min(1)
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'roles must be distinct');

export const memberSchema = z.strictObject({
  personId: idSchema,
  partnerId: idSchema,
  roles: rolesSchema,
  active: z.boolean(),
  /** Personal data erased (DSGVO Art. 17); contributions stay, attributed to "former member of <partner>". */
  erased: z.boolean(),
  joinedAt: instantSchema,
});
export type Member = z.infer<typeof memberSchema>;

const calendarDate = z.iso.date();
const inOrder = (d: { from: string; to: string }) => d.from <= d.to;
const RANGE_MESSAGE = 'the range must not end before it starts';

export const deputyshipSchema = z
  .strictObject({
    id: idSchema,
    partnerId: idSchema,
    dezernentId: idSchema,
    deputyId: idSchema,
    /** First and last day (inclusive, calendar dates in the workspace's time zone). */
    from: calendarDate,
    to: calendarDate,
    revoked: z.boolean(),
  })
  .refine(inOrder, RANGE_MESSAGE);
export type Deputyship = z.infer<typeof deputyshipSchema>;

export const tokenHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const invitationSchema = z.strictObject({
  id: idSchema,
  /** sha256 of the secret in the link; the secret itself is never stored. */
  tokenHash: tokenHashSchema,
  partnerId: idSchema,
  roles: rolesSchema,
  expiresAt: instantSchema,
  createdBy: idSchema,
  usedBy: idSchema.nullable(),
  revoked: z.boolean(),
});
export type Invitation = z.infer<typeof invitationSchema>;

const personRef = z.strictObject({ personId: idSchema });
const partnerRef = z.strictObject({ partnerId: idSchema });
const partnerNaming = z.strictObject({ partnerId: idSchema, name: partnerNameSchema, shortName: partnerShortNameSchema });
const roleAssignment = z.strictObject({ personId: idSchema, roles: rolesSchema });
const partnerAssignment = z.strictObject({ personId: idSchema, partnerId: idSchema });
const invitationRef = z.strictObject({ invitationId: idSchema });
const deputyshipRef = z.strictObject({ deputyshipId: idSchema });

export const adminCommandPayloads = {
  'partner.add': partnerNaming,
  'partner.rename': partnerNaming,
  'partner.deactivate': partnerRef,
  'partner.reactivate': partnerRef,
  'member.set_roles': roleAssignment,
  'member.set_partner': partnerAssignment,
  'member.deactivate': personRef,
  'member.reactivate': personRef,
  'member.erase': personRef,
  /** Sent by the server for a person who accepts an invitation (never accepted from a member's socket). */
  'member.join': invitationRef,
  'invitation.create': z.strictObject({
    invitationId: idSchema,
    tokenHash: tokenHashSchema,
    partnerId: idSchema,
    roles: rolesSchema,
    expiresAt: instantSchema,
  }),
  'invitation.revoke': invitationRef,
  'deputy.appoint': z
    .strictObject({ deputyshipId: idSchema, deputyId: idSchema, from: calendarDate, to: calendarDate })
    .refine(inOrder, RANGE_MESSAGE),
  'deputy.revoke': deputyshipRef,
} as const;

export const adminEventData = {
  'partner.renamed': partnerNaming,
  'partner.deactivated': partnerRef,
  'partner.reactivated': partnerRef,
  'member.joined': z.strictObject({ member: memberSchema, invitationId: idSchema.nullable() }),
  'member.roles_set': roleAssignment,
  'member.partner_set': partnerAssignment,
  'member.deactivated': personRef,
  'member.reactivated': personRef,
  'member.erased': personRef,
  'invitation.created': z.strictObject({ invitation: invitationSchema }),
  'invitation.revoked': invitationRef,
  'deputy.appointed': z.strictObject({ deputyship: deputyshipSchema }),
  'deputy.revoked': deputyshipRef,
} as const;

/** What a person may do in a workspace, computed by the server's policy and used by the UI to show controls. */
export const ABILITIES = [
  'board.edit',
  'workspace.admin',
  'audit.read',
  'deputy.appoint',
  'vote.start',
  'vote.start_workspace',
] as const;
export const abilitySchema = z.enum(ABILITIES);
export type Ability = z.infer<typeof abilitySchema>;
