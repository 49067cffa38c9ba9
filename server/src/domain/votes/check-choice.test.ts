import { describe, expect, it } from 'vitest';
import { checkChoice } from './check-choice.js';
import { CARDS, OPTIONS, choiceConfig, picks, points, pos, prioritisationConfig, proposalConfig, settings, uuid } from '../../test-support/vote-fixtures.js';

describe('checkChoice', () => {
  it('D7 reason off: a reason is refused', () => {
    const s = settings({ config: proposalConfig('consent', 'off') });
    expect(checkChoice(s, pos('agree'))).toBeNull();
    expect(checkChoice(s, pos('block', 'Datenschutz'))).toBe('reason_not_allowed');
  });

  it('D7 reason optional: with or without', () => {
    const s = settings({ config: proposalConfig('consent', 'optional') });
    expect(checkChoice(s, pos('agree'))).toBeNull();
    expect(checkChoice(s, pos('disagree', 'zu teuer'))).toBeNull();
  });

  it('D7 reason required: for every position', () => {
    const s = settings({ config: proposalConfig('consent', 'required') });
    expect(checkChoice(s, pos('agree'))).toBe('reason_required');
    expect(checkChoice(s, pos('abstain'))).toBe('reason_required');
    expect(checkChoice(s, pos('agree', 'passt'))).toBeNull();
  });

  it('D7–D9 a ballot of another kind does not fit', () => {
    expect(checkChoice(settings(), picks(OPTIONS[0] ?? ''))).toBe('wrong_kind');
    expect(checkChoice(settings({ config: choiceConfig() }), pos('agree'))).toBe('wrong_kind');
    expect(checkChoice(settings({ config: choiceConfig() }), points({}))).toBe('wrong_kind');
  });

  it('D8 choice: listed options, at most maxChoices, none allowed', () => {
    const s = settings({ config: choiceConfig(2) });
    expect(checkChoice(s, picks())).toBeNull();
    expect(checkChoice(s, picks(OPTIONS[0] ?? '', OPTIONS[1] ?? ''))).toBeNull();
    expect(checkChoice(s, picks(...OPTIONS))).toBe('too_many_choices');
    expect(checkChoice(s, picks(uuid(999)))).toBe('unknown_option');
  });

  it('D9 prioritisation: listed cards, at most the points in total', () => {
    const s = settings({ config: prioritisationConfig(5) });
    const [a = '', b = ''] = CARDS;
    expect(checkChoice(s, points({ [a]: 3, [b]: 2 }))).toBeNull();
    expect(checkChoice(s, points({ [a]: 1 }))).toBeNull();
    expect(checkChoice(s, points({}))).toBeNull();
    expect(checkChoice(s, points({ [a]: 4, [b]: 2 }))).toBe('too_many_points');
    expect(checkChoice(s, points({ [uuid(999)]: 1 }))).toBe('unknown_card');
  });
});
