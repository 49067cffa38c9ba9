import type { TFunction } from 'i18next';
import { SYSTEM_ACTOR_ID, WITHHELD_ACTOR_ID, type EventType, type StoredEvent } from '@verbund/shared/events';
import type { Partner, Person, Role } from '@verbund/shared/model';
import { formatDate, formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';

/** What a description may look up: names live outside the log, which holds ids only. */
export type AuditContext = {
  t: TFunction;
  language: string;
  people: readonly Person[];
  partners: Record<string, Partner>;
  cardTitles: Record<string, string>;
  positionTitles: Record<string, string>;
};

type Describers = { [T in EventType]?: (event: Extract<StoredEvent, { type: T }>, ctx: AuditContext) => string };

const person = (ctx: AuditContext, id: string) => nameOf(ctx.t, ctx.people, ctx.partners, id);
const partner = (ctx: AuditContext, id: string) => ctx.partners[id]?.name ?? ctx.t('people.unknownPartner');
const roles = (ctx: AuditContext, list: readonly Role[]) => list.map((r) => ctx.t(`roles.${r}`)).join(', ');
const card = (ctx: AuditContext, id: string) => ctx.t('audit.text.card', { title: ctx.cardTitles[id] ?? ctx.t('audit.text.unknownCard') });

const positionOf = (ctx: AuditContext, id: string) => ctx.t('audit.text.position', { title: ctx.positionTitles[id] ?? ctx.t('audit.text.unknownPosition') });

/** Card fields whose label key differs from the field name. */
const FIELD_LABELS: Record<string, string> = { leadPartnerId: 'leadPartner', partnerIds: 'partners', ownerIds: 'owners' };

const DESCRIBERS: Describers = {
  'workspace.created': (e, ctx) => ctx.t('audit.text.workspace', { name: e.data.name }),
  'partner.added': (e) => `${e.data.partner.name} (${e.data.partner.shortName})`,
  'partner.renamed': (e, ctx) => ctx.t('audit.text.renamed', { name: `${e.data.name} (${e.data.shortName})` }),
  'partner.deactivated': (e, ctx) => partner(ctx, e.data.partnerId),
  'partner.reactivated': (e, ctx) => partner(ctx, e.data.partnerId),
  'board.created': (e) => e.data.board.name,
  'card.created': (e) => `„${e.data.card.title}“`,
  'card.updated': (e, ctx) => `${card(ctx, e.data.cardId)}: ${Object.keys(e.data.changes).map((f) => ctx.t(`card.${FIELD_LABELS[f] ?? f}`)).join(', ')}`,
  'card.described': (e, ctx) =>
    `${card(ctx, e.data.cardId)}: ${ctx.t('card.description')}${e.data.writers.length > 0 ? ` (${e.data.writers.map((id) => person(ctx, id)).join(', ')})` : ''}`,
  'card.moved': (e, ctx) => card(ctx, e.data.cardId),
  'card.archived': (e, ctx) => card(ctx, e.data.cardId),
  'card.restored': (e, ctx) => card(ctx, e.data.cardId),
  'comment.added': (e, ctx) => card(ctx, e.data.comment.cardId),
  'position.created': (e) => `„${e.data.position.title}“`,
  'session.created': (e) => `„${e.data.session.title}“`,
  'session.item_added': (e) => `„${e.data.item.title}“`,
  'position.updated': (e, ctx) => `${positionOf(ctx, e.data.positionId)}: ${Object.keys(e.data.changes).map((f) => ctx.t(`positions.field.${f}`)).join(', ')}`,
  'position.card_linked': (e, ctx) => `${positionOf(ctx, e.data.positionId)} – ${card(ctx, e.data.cardId)}`,
  'position.card_unlinked': (e, ctx) => `${positionOf(ctx, e.data.positionId)} – ${card(ctx, e.data.cardId)}`,
  'position.version_recorded': (e, ctx) => `${positionOf(ctx, e.data.positionId)}: ${ctx.t('audit.text.version', { name: e.data.version.name, hash: e.data.version.hash.slice(0, 12) })}`,
  'position.signoff_started': (e, ctx) => `${positionOf(ctx, e.data.positionId)}: ${ctx.t('audit.text.roundStarted', { hash: e.data.round.hash.slice(0, 12) })}`,
  'position.signoff_answered': (e, ctx) =>
    `${positionOf(ctx, e.data.positionId)}: ${partner(ctx, e.data.partnerId)} ${ctx.t(`audit.text.${e.data.answer.decision}`)}${e.data.answer.onBehalfOf ? ` (${ctx.t('audit.text.onBehalfOf', { name: person(ctx, e.data.answer.onBehalfOf) })})` : ''}`,
  'position.signoff_ended': (e, ctx) => `${positionOf(ctx, e.data.positionId)}: ${ctx.t(`audit.text.round_${e.data.outcome}`)}`,
  'annotation.added': (e) => `„${e.data.annotation.anchor.quote}“: ${e.data.annotation.kind === 'comment' ? e.data.annotation.body : (e.data.annotation.replacement ?? '')}`,
  'annotation.replied': (e) => e.data.reply.body,
  'annotation.decided': (e, ctx) => ctx.t(`audit.text.proposal_${e.data.decision.outcome}`),
  'position.dispatch_recorded': (e, ctx) =>
    `${positionOf(ctx, e.data.positionId)} – ${ctx.t('dispatch.audit.recorded', {
      recipient: e.data.dispatch.recipient,
      channel: ctx.t(`dispatch.channels.${e.data.dispatch.channel}`),
      date: formatDate(e.data.dispatch.sentOn, ctx.language),
    })}`,
  'position.dispatch_acknowledged': (e, ctx) => `${positionOf(ctx, e.data.positionId)} – ${ctx.t('dispatch.audit.acknowledged', { date: formatDate(e.data.acknowledgedOn, ctx.language) })}`,
  'position.follow_up_set': (e, ctx) =>
    `${positionOf(ctx, e.data.positionId)} – ${e.data.followUpOn ? ctx.t('dispatch.audit.followUp', { date: formatDate(e.data.followUpOn, ctx.language) }) : ctx.t('dispatch.audit.followUpCleared')}`,
  'position.answer_recorded': (e, ctx) => `${positionOf(ctx, e.data.positionId)} – ${ctx.t('dispatch.audit.answer', { date: formatDate(e.data.answer.receivedOn, ctx.language) })}`,
  'position.outcome_set': (e, ctx) => `${positionOf(ctx, e.data.positionId)} – ${ctx.t('dispatch.audit.outcome', { outcome: ctx.t(`dispatch.outcomes.${e.data.outcome}`) })}`,
  'checklist.item_added': (e, ctx) => `${card(ctx, e.data.cardId)}: „${e.data.text}“`,
  'checklist.item_renamed': (e, ctx) => `${card(ctx, e.data.cardId)}: „${e.data.text}“`,
  'checklist.item_ticked': (e, ctx) => `${card(ctx, e.data.cardId)}: ${ctx.t(e.data.done ? 'history.checklistTicked' : 'history.checklistUnticked')}`,
  'checklist.item_moved': (e, ctx) => card(ctx, e.data.cardId),
  'checklist.item_removed': (e, ctx) => card(ctx, e.data.cardId),
  'member.joined': (e, ctx) =>
    ctx.t('audit.text.joined', { name: person(ctx, e.data.member.personId), partner: partner(ctx, e.data.member.partnerId), roles: roles(ctx, e.data.member.roles) }),
  'member.roles_set': (e, ctx) => ctx.t('audit.text.roles', { name: person(ctx, e.data.personId), roles: roles(ctx, e.data.roles) }),
  'member.partner_set': (e, ctx) => ctx.t('audit.text.partner', { name: person(ctx, e.data.personId), partner: partner(ctx, e.data.partnerId) }),
  'member.deactivated': (e, ctx) => person(ctx, e.data.personId),
  'member.reactivated': (e, ctx) => person(ctx, e.data.personId),
  'member.erased': (e, ctx) => person(ctx, e.data.personId),
  'invitation.created': (e, ctx) =>
    ctx.t('audit.text.invitation', {
      partner: partner(ctx, e.data.invitation.partnerId),
      roles: roles(ctx, e.data.invitation.roles),
      date: formatDateTime(e.data.invitation.expiresAt, ctx.language),
    }),
  'deputy.appointed': (e, ctx) =>
    ctx.t('audit.text.deputy', {
      deputy: person(ctx, e.data.deputyship.deputyId),
      dezernent: person(ctx, e.data.deputyship.dezernentId),
      from: formatDate(e.data.deputyship.from, ctx.language),
      to: formatDate(e.data.deputyship.to, ctx.language),
    }),
  'vote.opened': (e) => `„${e.data.vote.settings.title}“`,
  // Ballots reach the audit sealed (D34): who and when, never what; in anonymous votes not even who (D39).
  'vote.ballot_cast': (e, ctx) => (e.data.ballot.partnerId ? partner(ctx, e.data.ballot.partnerId) : ctx.t('audit.text.anonymousBallot')),
  'vote.closed': (e, ctx) => ctx.t(`votes.verdict.${e.data.result.verdict}`),
  'vote.outcome_recorded': (e) => e.data.outcome.text,
};

/** The kind of an event in words; an event type this client does not know yet is shown as it is. */
export function auditKind(t: TFunction, type: string): string {
  return t(`audit.kinds.${type.replace('.', '_')}`, { defaultValue: type });
}

/** A short description of what happened, with names instead of ids (empty when the kind says it all). */
export function describeAuditEvent(event: StoredEvent, ctx: AuditContext): string {
  const describe = DESCRIBERS[event.type] as ((e: StoredEvent, c: AuditContext) => string) | undefined;
  return describe ? describe(event, ctx) : '';
}

/** Who did it: the system, a person, a former member shown by their partner only, or nobody named (D39). */
export function auditActor(event: StoredEvent, ctx: AuditContext): string {
  if (event.actorId === SYSTEM_ACTOR_ID) return ctx.t('history.system');
  return event.actorId === WITHHELD_ACTOR_ID ? ctx.t('audit.anonymousActor') : person(ctx, event.actorId);
}
