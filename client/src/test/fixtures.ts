import type { StoredEvent } from '@verbund/shared/events';
import { newCard, type Card } from '@verbund/shared/model';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import type { VoteView } from '@verbund/shared/votes';

export const WORKSPACE_ID = '11111111-1111-4111-8111-111111111111';
export const BOARD_ID = '22222222-2222-4222-8222-222222222222';
export const PARTNER_WOB = '33333333-3333-4333-8333-333333333331';
export const PARTNER_BS = '33333333-3333-4333-8333-333333333332';
export const PERSON_ID = '44444444-4444-4444-8444-444444444444';
export const ME = { id: PERSON_ID, partnerId: PARTNER_WOB };
export const AT = '2026-01-01T10:00:00.000Z';

let counter = 0;
/** A v4-shaped UUID that sorts in creation order, so tests can reason about ties. */
export function uuid(): string {
  counter += 1;
  return `aaaaaaaa-aaaa-4aaa-8aaa-${counter.toString(16).padStart(12, '0')}`;
}

export function card(overrides: Partial<Card> = {}): Card {
  return { ...newCard({ cardId: uuid(), boardId: BOARD_ID, position: 'a0', fields: { title: 'Karte', area: 'basisdienste', status: 'idea' } }, PERSON_ID, AT), ...overrides };
}

export function stateWith(cards: Card[], seq = 10): WorkspaceState {
  const state = emptyState(WORKSPACE_ID);
  state.name = 'Digitalisierung Ostniedersachsen';
  state.seq = seq;
  state.boards[BOARD_ID] = { id: BOARD_ID, name: 'Initiativen' };
  state.partners[PARTNER_WOB] = { id: PARTNER_WOB, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true };
  state.partners[PARTNER_BS] = { id: PARTNER_BS, name: 'Stadt Braunschweig', shortName: 'BS', active: true };
  for (const c of cards) state.cards[c.id] = c;
  return state;
}

const HASH = 'f'.repeat(64);

export function updatedEvent(seq: number, cardId: string, changes: Extract<StoredEvent, { type: 'card.updated' }>['data']['changes']): StoredEvent {
  return {
    v: 1,
    workspaceId: WORKSPACE_ID,
    seq,
    actorId: PERSON_ID,
    partnerId: PARTNER_WOB,
    at: AT,
    commandId: null,
    prevHash: HASH,
    hash: HASH,
    type: 'card.updated',
    data: { cardId, changes },
  };
}

export const voteViewId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A vote as one viewer sees it: an open per-partner consent proposal unless `over` says otherwise. */
export function voteView(n: number, over: Partial<VoteView> = {}): VoteView {
  return {
    id: voteViewId(n),
    settings: {
      title: `Abstimmung ${n}`, description: '', cardIds: [], config: { kind: 'proposal', reasonMode: 'optional', passRule: 'consent' },
      counting: 'partner', partnerBallotBy: 'any_member', quorum: {}, visibility: 'live', anonymous: false, closesAt: null,
    },
    openedAt: '2026-05-04T10:00:00.000Z', openedBy: voteViewId(100), eligible: { partnerIds: [voteViewId(200)], personIds: [voteViewId(100)] },
    status: 'open', closedAt: null, closedBy: null,
    participation: { partners: { voted: [], notYet: [voteViewId(200)] }, people: { voted: [], notYet: [] } },
    turnout: { partners: 0, people: 0 },
    tally: { options: { agree: 0, abstain: 0, disagree: 0, block: 0 }, partners: null, voices: 0 },
    ballots: [], ownBallot: null, result: null, outcome: null, decisionId: null, resultsVisible: true,
    ...over,
  };
}

