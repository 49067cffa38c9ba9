import { appError, refusal } from '@verbund/shared/errors';
import { POSITION_LIMITS, type Position, type PositionFields } from '@verbund/shared/features/positions/positions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { accept, reject, type Deciders, type Decision } from '../decision.js';
import type { DomainFeature } from '../feature.js';
import { withLiveCard } from '../live-card.js';
import { anyMember } from '../roles.js';
import { positionText } from './position-text.js';
import { dispatchDeciders, type DispatchCommand } from './dispatch.js';
import { signoffDeciders, type SignoffCommand } from './signoff.js';

type PositionCommand = 'position.create' | 'position.update' | 'position.link_card' | 'position.unlink_card' | 'position.record_version' | SignoffCommand | DispatchCommand;

function withPosition(state: WorkspaceState, positionId: string, then: (position: Position) => Decision): Decision {
  const position = state.positions[positionId];
  return position ? then(position) : reject(refusal('not_found', 'position_not_found', 'position not found'));
}

/** P3: the lead partner is an active partner of this workspace. */
function leadProblem(state: WorkspaceState, fields: Partial<PositionFields>): Decision | null {
  if (fields.leadPartnerId === undefined) return null;
  const partner = state.partners[fields.leadPartnerId];
  if (!partner) return reject(refusal('invalid_payload', 'partner_not_found', 'unknown partner'));
  return partner.active ? null : reject(refusal('conflict', 'partner_inactive', 'the lead partner is deactivated'));
}

/** P4: a card is linked once, while it is live, and a position concerns at most POSITION_LIMITS.cards cards. */
function withLinkable(state: WorkspaceState, cardIds: readonly string[], adding: readonly string[], then: () => Decision): Decision {
  if (new Set(adding).size !== adding.length || adding.some((id) => cardIds.includes(id))) {
    return reject(refusal('conflict', 'card_already_linked', 'the card is linked already'));
  }
  if (cardIds.length + adding.length > POSITION_LIMITS.cards) {
    return reject(refusal('conflict', 'too_many_cards', `a position concerns at most ${POSITION_LIMITS.cards} cards`));
  }
  return adding.reduceRight<() => Decision>((next, cardId) => () => withLiveCard(state, cardId, next), then)();
}

const positionDeciders: Deciders<PositionCommand> = {
  ...signoffDeciders,
  ...dispatchDeciders,
  'position.create': (state, { payload }, actor, ctx) => {
    if (state.positions[payload.positionId]) return reject(appError('conflict', 'a position with this id exists'));
    if (Object.keys(state.positions).length >= POSITION_LIMITS.positions) {
      return reject(refusal('conflict', 'too_many_positions', `a workspace holds at most ${POSITION_LIMITS.positions} positions`));
    }
    const problem = leadProblem(state, payload.fields);
    if (problem) return problem;
    return withLinkable(state, [], payload.cardIds, () => {
      const position: Position = {
        ...payload.fields,
        id: payload.positionId,
        status: 'draft',
        cardIds: payload.cardIds,
        createdBy: actor.personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      return accept({ type: 'position.created', data: { position } });
    });
  },
  // P2: the fields change while the position is a draft; from the sign-off round on they are part of what was signed.
  'position.update': (state, { payload }) =>
    withPosition(state, payload.positionId, (position) => {
      if (position.status !== 'draft') return reject(refusal('conflict', 'position_not_draft', 'the position is no longer a draft'));
      return leadProblem(state, payload.changes) ?? accept({ type: 'position.updated', data: payload });
    }),
  'position.link_card': (state, { payload }) =>
    withPosition(state, payload.positionId, (position) => withLinkable(state, position.cardIds, [payload.cardId], () => accept({ type: 'position.card_linked', data: payload }))),
  // P4: unlinking is always possible, also from an archived card, so a wrong link never stays.
  'position.unlink_card': (state, { payload }) =>
    withPosition(state, payload.positionId, (position) =>
      position.cardIds.includes(payload.cardId)
        ? accept({ type: 'position.card_unlinked', data: payload })
        : reject(refusal('conflict', 'card_not_linked', 'the card is not linked')),
    ),
  // P8: a version is named at any time, in any status; at most POSITION_LIMITS.versions per position.
  'position.record_version': (state, { payload }) =>
    withPosition(state, payload.positionId, (position) => {
      const versions = state.positionVersions[position.id] ?? [];
      if (Object.values(state.positionVersions).some((list) => list.some((v) => v.id === payload.version.id))) {
        return reject(appError('conflict', 'a version with this id exists'));
      }
      if (versions.length >= POSITION_LIMITS.versions) {
        return reject(refusal('conflict', 'too_many_versions', `a position keeps at most ${POSITION_LIMITS.versions} versions`));
      }
      return accept({ type: 'position.version_recorded', data: payload });
    }),
};

/** Joint positions (docs/position-rules.md): any member writes them; every member reads them (P6). */
export const positionsDomain: DomainFeature<PositionCommand> = {
  name: 'positions',
  deciders: positionDeciders,
  policy: {
    'position.create': anyMember,
    'position.update': anyMember,
    'position.link_card': anyMember,
    'position.unlink_card': anyMember,
    // The server reads the text and records it for the person who named it (P8); nobody sends the content.
    'position.record_version': () => false,
    // The server freezes the text it stored and opens the round for the person who asked (P10).
    'position.start_signoff': () => false,
    // Who answers for a partner and who withdraws is the round's own rule (P12, P14), checked by the decider.
    'position.answer_signoff': anyMember,
    'position.withdraw_signoff': anyMember,
    // After sending (P38): the lead partner and the moderators, checked by the decider with the position at hand.
    'position.record_dispatch': anyMember,
    'position.acknowledge_dispatch': anyMember,
    'position.set_follow_up': anyMember,
    'position.record_answer': anyMember,
    'position.set_outcome': anyMember,
    'position.create_follow_up': anyMember,
  },
  systemCommands: ['position.record_version', 'position.start_signoff'],
  documents: { position: positionText },
};
