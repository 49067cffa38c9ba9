import { describe, expect, it } from 'vitest';
import { changesFromDraft, parseTags } from './card-draft';
import { PARTNER_BS, card } from '../../test/fixtures';

describe('changesFromDraft', () => {
  const c = card({ title: 'Portal', tags: ['OZG'], dueDate: '2027-03-31', links: [{ url: 'https://example.org' }] });

  it('sends nothing for an untouched draft or a value typed back to the original', () => {
    expect(changesFromDraft(c, {})).toEqual({ ok: true, changes: {} });
    expect(changesFromDraft(c, { title: '  Portal ', tagsText: 'OZG,', dueDate: '2027-03-31' })).toEqual({ ok: true, changes: {} });
  });

  it('sends only the fields that changed', () => {
    const r = changesFromDraft(c, { title: 'Portal', status: 'agreed', partnerIds: [PARTNER_BS], dueDate: '' });
    expect(r).toEqual({ ok: true, changes: { status: 'agreed', partnerIds: [PARTNER_BS], dueDate: null } });
  });

  it('turns link rows into links and drops empty rows', () => {
    const r = changesFromDraft(c, { links: [{ url: 'https://example.org', label: '' }, { url: 'https://bund.de', label: 'Bund' }, { url: '', label: '' }] });
    expect(r).toEqual({ ok: true, changes: { links: [{ url: 'https://example.org' }, { url: 'https://bund.de', label: 'Bund' }] } });
  });

  it('refuses an empty title and a javascript: link', () => {
    expect(changesFromDraft(c, { title: '   ' })).toEqual({ ok: false, invalid: ['title'] });
    const r = changesFromDraft(c, { links: [{ url: 'javascript:alert(1)', label: 'x' }] });
    expect(r.ok).toBe(false);
  });
});

describe('parseTags', () => {
  it('splits on commas, trims and drops duplicates', () => {
    expect(parseTags(' OZG, Bund ,ozg,, ')).toEqual(['OZG', 'Bund']);
  });
});
