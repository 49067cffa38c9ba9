import type { TFunction } from 'i18next';
import type { ItemLinks } from '@verbund/shared/features/sessions/sessions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';

export const LINK_KINDS = ['cardIds', 'voteIds', 'positionIds'] as const satisfies readonly (keyof ItemLinks)[];
export type LinkKind = (typeof LINK_KINDS)[number];

/** The title of what an item links to, as the workspace knows it now. */
export function linkTitle(t: TFunction, state: WorkspaceState, kind: LinkKind, id: string): string {
  if (kind === 'cardIds') return state.cards[id]?.title ?? t('audit.text.unknownCard');
  if (kind === 'voteIds') return state.votes[id]?.settings.title ?? t('votes.unknownCard');
  return state.positions[id]?.title ?? t('sessions.unknownPosition');
}

/** What an item may link to (M4): the workspace's live cards, its votes and positions, by title. */
export function linkChoices(state: WorkspaceState, kind: LinkKind): { value: string; label: string }[] {
  const all =
    kind === 'cardIds'
      ? Object.values(state.cards).filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.title }))
      : kind === 'voteIds'
        ? Object.values(state.votes).map((v) => ({ value: v.id, label: v.settings.title }))
        : Object.values(state.positions).map((p) => ({ value: p.id, label: p.title }));
  return all.sort((a, b) => a.label.localeCompare(b.label, 'de'));
}
