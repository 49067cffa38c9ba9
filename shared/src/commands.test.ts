import { describe, expect, it } from 'vitest';
import { commandSchema, COMMAND_TYPES } from './commands.js';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const update = (changes: unknown) => ({ id: id(1), workspaceId: id(2), type: 'card.update', payload: { cardId: id(3), changes } });
const accepts = (value: unknown) => commandSchema.safeParse(value).success;

describe('command schema (S11)', () => {
  // Other features (votes) list their own command types in their own tests.
  it('lists the seven board commands and the fourteen administration commands', () => {
    const boardAndAdmin = COMMAND_TYPES.filter((type) => /^(card|comment|partner|member|invitation|deputy)\./.test(type));
    expect(boardAndAdmin.sort()).toEqual([
      'card.archive',
      'card.create',
      'card.describe',
      'card.move',
      'card.restore',
      'card.update',
      'comment.add',
      'deputy.appoint',
      'deputy.revoke',
      'invitation.create',
      'invitation.revoke',
      'member.deactivate',
      'member.erase',
      'member.join',
      'member.reactivate',
      'member.set_partner',
      'member.set_roles',
      'partner.add',
      'partner.deactivate',
      'partner.reactivate',
      'partner.rename',
    ]);
  });

  it('S11 refuses an administration command with roles that are unknown, repeated or empty', () => {
    const setRoles = (roles: unknown) => ({ id: id(1), workspaceId: id(2), type: 'member.set_roles', payload: { personId: id(3), roles } });
    expect(accepts(setRoles(['member', 'admin']))).toBe(true);
    expect(accepts(setRoles(['superuser']))).toBe(false);
    expect(accepts(setRoles(['admin', 'admin']))).toBe(false);
    expect(accepts(setRoles([]))).toBe(false);
  });

  it('S11 refuses a deputy range that ends before it starts', () => {
    const appoint = (from: string, to: string) => ({ id: id(1), workspaceId: id(2), type: 'deputy.appoint', payload: { deputyshipId: id(3), deputyId: id(4), from, to } });
    expect(accepts(appoint('2026-03-01', '2026-03-01'))).toBe(true);
    expect(accepts(appoint('2026-03-02', '2026-03-01'))).toBe(false);
  });

  it('S11 accepts a valid update and refuses an empty one', () => {
    expect(accepts(update({ title: 'Hallo' }))).toBe(true);
    expect(accepts(update({}))).toBe(false);
  });

  it('S11 refuses extra keys at every level, __proto__ and constructor included', () => {
    expect(accepts({ ...update({ title: 'x' }), extra: 1 })).toBe(false);
    expect(accepts(update({ title: 'x', color: 'red' }))).toBe(false);
    expect(accepts(JSON.parse(`{"id":"${id(1)}","workspaceId":"${id(2)}","type":"card.archive","payload":{"cardId":"${id(3)}"},"__proto__":{"admin":true}}`))).toBe(false);
    expect(accepts(update(JSON.parse('{"title":"x","__proto__":{"polluted":true}}')))).toBe(false);
    expect(accepts(update(JSON.parse('{"title":"x","constructor":{"prototype":{"polluted":true}}}')))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('S11 refuses control characters but keeps tabs and newlines in the description', () => {
    const create = (description: string) => ({ id: id(1), workspaceId: id(2), type: 'card.create', payload: { cardId: id(3), boardId: id(4), position: 'a0', fields: { title: 'Karte', area: 'basisdienste', status: 'idea', description } } });
    expect(accepts(update({ title: 'a\u0000b' }))).toBe(false);
    expect(accepts(update({ title: 'a\u001bb' }))).toBe(false);
    expect(accepts(create('a\u007fb'))).toBe(false);
    expect(accepts(create('Zeile 1\nZeile 2\tEnde'))).toBe(true);
  });

  it('Y17 card.update carries no description: the description is a live document of its own', () => {
    expect(accepts(update({ description: 'überschrieben' }))).toBe(false);
    expect(accepts(update({ title: 'Neu' }))).toBe(true);
  });

  it.each(['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029'])('S19 a title, tag or link label with the line break %j is refused', (lineBreak) => {
    expect(accepts(update({ title: `Titel${lineBreak}- **Ergebnis:** angenommen` }))).toBe(false);
    expect(accepts(update({ tags: [`a${lineBreak}b`] }))).toBe(false);
    expect(accepts(update({ links: [{ url: 'https://example.org', label: `a${lineBreak}b` }] }))).toBe(false);
    expect(accepts(update({ title: 'Titel – mit „Zeichen“ und\tTab' }))).toBe(true);
  });

  it('S19 vote titles, option labels and outcome statements are single lines', () => {
    const vote = (title: string, label: string) => ({
      id: id(1),
      workspaceId: id(2),
      type: 'vote.open',
      payload: { voteId: id(3), settings: { title, config: { kind: 'choice', options: [{ id: id(4), label }, { id: id(5), label: 'B' }], maxChoices: 1 } } },
    });
    const outcome = (text: string) => ({ id: id(1), workspaceId: id(2), type: 'vote.record_outcome', payload: { voteId: id(3), decisionId: id(4), text } });
    expect(commandSchema.safeParse(vote('Abstimmung\nErgebnis: angenommen', 'A')).error?.issues.map((i) => i.message)).toContain('must be a single line');
    expect(accepts(vote('Abstimmung', 'A\nB'))).toBe(false);
    expect(accepts(outcome('Beschlossen.\n- **Ergebnis:** abgelehnt'))).toBe(false);
    expect(accepts(outcome('Beschlossen: der Verbund betreibt das Servicekonto gemeinsam.'))).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', 'nicht eine url'])(
    'S11 refuses the link %j',
    (url) => {
      expect(accepts(update({ links: [{ url }] }))).toBe(false);
    },
  );

  it('S11 accepts http and https links', () => {
    expect(accepts(update({ links: [{ url: 'https://example.org/a?b=c', label: 'Quelle' }, { url: 'http://example.org' }] }))).toBe(true);
  });

  it('S11 enforces the limits of title, tags and positions', () => {
    expect(accepts(update({ title: 'x'.repeat(200) }))).toBe(true);
    expect(accepts(update({ title: 'x'.repeat(201) }))).toBe(false);
    expect(accepts(update({ title: '   ' }))).toBe(false);
    expect(accepts(update({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }))).toBe(false);
    const move = (position: string) => ({ id: id(1), workspaceId: id(2), type: 'card.move', payload: { cardId: id(3), position } });
    expect(accepts(move('a0V'))).toBe(true);
    expect(accepts(move('a-0'))).toBe(false);
    expect(accepts(move('a'.repeat(65)))).toBe(false);
  });

  it('S11 stores HTML as plain text (accepted verbatim, never interpreted here)', () => {
    const parsed = commandSchema.safeParse(update({ title: '<img src=x onerror=alert(1)>', tags: ['<script>alert(1)</script>'] }));
    expect(parsed.success && parsed.data.type === 'card.update' && parsed.data.payload.changes).toEqual({
      title: '<img src=x onerror=alert(1)>',
      tags: ['<script>alert(1)</script>'],
    });
  });
});
