import { z } from 'zod';
import { adminCommandPayloads, adminEventData, deputyshipSchema, invitationSchema, memberSchema } from '../../admin.js';
import { defineFeature, replace } from '../../feature.js';
import { idSchema, partnerSchema } from '../../model.js';

/** The workspace itself, its partners, people and roles, deputies and invitations. */
export const adminFeature = defineFeature({
  name: 'admin',
  commands: adminCommandPayloads,
  events: {
    'workspace.created': z.strictObject({ workspaceId: idSchema, name: z.string().min(1).max(200) }),
    'partner.added': z.strictObject({ partner: partnerSchema }),
    ...adminEventData,
  },
  slice: {
    version: 1,
    shape: {
      name: z.string(),
      partners: z.record(z.string(), partnerSchema),
      /** People by id; names live with the accounts, not here. */
      members: z.record(z.string(), memberSchema),
      deputyships: z.record(z.string(), deputyshipSchema),
      invitations: z.record(z.string(), invitationSchema),
    },
    empty: () => ({ name: '', partners: {}, members: {}, deputyships: {}, invitations: {} }),
    containers: ['partners', 'members', 'deputyships', 'invitations'],
    reducers: {
      'workspace.created': (s, e) => {
        s.name = e.data.name;
      },
      'partner.added': (s, e) => {
        s.partners[e.data.partner.id] = e.data.partner;
      },
      'partner.renamed': (s, e) => replace(s.partners, e.data.partnerId, { name: e.data.name, shortName: e.data.shortName }),
      'partner.deactivated': (s, e) => replace(s.partners, e.data.partnerId, { active: false }),
      'partner.reactivated': (s, e) => replace(s.partners, e.data.partnerId, { active: true }),
      'member.joined': (s, e) => {
        s.members[e.data.member.personId] = e.data.member;
        if (e.data.invitationId) replace(s.invitations, e.data.invitationId, { usedBy: e.data.member.personId });
      },
      'member.roles_set': (s, e) => replace(s.members, e.data.personId, { roles: e.data.roles }),
      'member.partner_set': (s, e) => replace(s.members, e.data.personId, { partnerId: e.data.partnerId }),
      'member.deactivated': (s, e) => replace(s.members, e.data.personId, { active: false }),
      'member.reactivated': (s, e) => replace(s.members, e.data.personId, { active: true }),
      'member.erased': (s, e) => replace(s.members, e.data.personId, { active: false, erased: true }),
      'invitation.created': (s, e) => {
        s.invitations[e.data.invitation.id] = e.data.invitation;
      },
      'invitation.revoked': (s, e) => replace(s.invitations, e.data.invitationId, { revoked: true }),
      'deputy.appointed': (s, e) => {
        s.deputyships[e.data.deputyship.id] = e.data.deputyship;
      },
      'deputy.revoked': (s, e) => replace(s.deputyships, e.data.deputyshipId, { revoked: true }),
    },
    migrations: {},
  },
  subjects: {
    'workspace.created': (d) => d.workspaceId,
    'partner.added': (d) => d.partner.id,
    'partner.renamed': (d) => d.partnerId,
    'partner.deactivated': (d) => d.partnerId,
    'partner.reactivated': (d) => d.partnerId,
    'member.joined': (d) => d.member.personId,
    'member.roles_set': (d) => d.personId,
    'member.partner_set': (d) => d.personId,
    'member.deactivated': (d) => d.personId,
    'member.reactivated': (d) => d.personId,
    'member.erased': (d) => d.personId,
    'invitation.created': (d) => d.invitation.id,
    'invitation.revoked': (d) => d.invitationId,
    'deputy.appointed': (d) => d.deputyship.id,
    'deputy.revoked': (d) => d.deputyshipId,
  },
});
