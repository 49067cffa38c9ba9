import type { BallotChoice, VoteSettings } from '@verbund/shared/votes';

export type ChoiceProblem =
  | 'wrong_kind'
  | 'reason_required'
  | 'reason_not_allowed'
  | 'unknown_option'
  | 'too_many_choices'
  | 'unknown_card'
  | 'too_many_points';

/** Whether a ballot's choice fits the vote it is cast in (D7–D9); null when it does. */
export function checkChoice(settings: VoteSettings, choice: BallotChoice): ChoiceProblem | null {
  const config = settings.config;
  switch (choice.kind) {
    case 'proposal': {
      if (config.kind !== 'proposal') return 'wrong_kind';
      if (config.reasonMode === 'required' && choice.reason === undefined) return 'reason_required';
      if (config.reasonMode === 'off' && choice.reason !== undefined) return 'reason_not_allowed';
      return null;
    }
    case 'choice': {
      if (config.kind !== 'choice') return 'wrong_kind';
      const known = new Set(config.options.map((o) => o.id));
      if (choice.optionIds.some((id) => !known.has(id))) return 'unknown_option';
      if (new Set(choice.optionIds).size > config.maxChoices) return 'too_many_choices';
      return null;
    }
    case 'prioritisation': {
      if (config.kind !== 'prioritisation') return 'wrong_kind';
      const entries = Object.entries(choice.allocations);
      if (entries.some(([cardId]) => !config.cardIds.includes(cardId))) return 'unknown_card';
      const spent = entries.reduce((sum, [, points]) => sum + points, 0);
      if (entries.some(([, points]) => !Number.isInteger(points) || points < 0) || spent > config.points) {
        return 'too_many_points';
      }
      return null;
    }
  }
}
