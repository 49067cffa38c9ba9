import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../lib/ui-store';
import { filterCards, matchesFilter, tagsInUse } from './filter-cards';
import { PARTNER_BS, PARTNER_WOB, card } from '../../test/fixtures';

describe('card filter', () => {
  const portal = card({ title: 'Serviceportal', description: 'Gemeinsames Bürgerkonto', leadPartnerId: PARTNER_WOB, tags: ['OZG'], status: 'agreed' });
  const xoev = card({ title: 'XÖV-Schnittstelle', partnerIds: [PARTNER_BS], tags: ['xöv'], status: 'idea' });
  const old = card({ title: 'Alt', archived: true });

  it('matches everything when empty, but hides archived cards unless asked', () => {
    expect(filterCards([portal, xoev, old], EMPTY_FILTER, false)).toEqual([portal, xoev]);
    expect(filterCards([portal, xoev, old], EMPTY_FILTER, true)).toHaveLength(3);
  });

  it('filters by partner as lead or participant', () => {
    expect(matchesFilter(portal, { ...EMPTY_FILTER, partnerId: PARTNER_WOB })).toBe(true);
    expect(matchesFilter(xoev, { ...EMPTY_FILTER, partnerId: PARTNER_BS })).toBe(true);
    expect(matchesFilter(xoev, { ...EMPTY_FILTER, partnerId: PARTNER_WOB })).toBe(false);
  });

  it('filters by status and by tag regardless of case', () => {
    expect(filterCards([portal, xoev], { ...EMPTY_FILTER, status: 'idea' }, false)).toEqual([xoev]);
    expect(filterCards([portal, xoev], { ...EMPTY_FILTER, tag: 'ozg' }, false)).toEqual([portal]);
  });

  it('searches title and description, case-insensitively, with umlauts', () => {
    expect(filterCards([portal, xoev], { ...EMPTY_FILTER, text: 'bürgerKONTO' }, false)).toEqual([portal]);
    expect(filterCards([portal, xoev], { ...EMPTY_FILTER, text: ' xöv ' }, false)).toEqual([xoev]);
    expect(filterCards([portal, xoev], { ...EMPTY_FILTER, text: 'nichts' }, false)).toEqual([]);
  });

  it('combines filters with AND', () => {
    expect(filterCards([portal, xoev], { ...EMPTY_FILTER, text: 'portal', status: 'idea' }, false)).toEqual([]);
  });

  it('lists each tag once', () => {
    expect(tagsInUse([portal, xoev, card({ tags: ['ozg', 'Bund'] })])).toEqual(['Bund', 'OZG', 'xöv']);
  });
});
