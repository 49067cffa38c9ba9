import { describe, expect, it } from 'vitest';
import { docIdOf } from '@verbund/shared/docs';
import type { Position } from '@verbund/shared/features/positions/positions-feature';
import { emptyState, type WorkspaceState } from '@verbund/shared/projection';
import { annotationCommandsFor } from '../../test-support/annotation-commands.js';
import { contextAt, testId } from '../../test-support/builders.js';
import { outcome } from '../../test-support/decide-pure.js';
import { littleEngine } from '../../test-support/little-engine.js';
import { actorFrom, type Actor } from '../actor.js';

const WS = testId(10);
const PARTNER = testId(12);
const [ANNA, LENA, GUEST] = [testId(20), testId(21), testId(22)];
const [DRAFT, ADOPTED] = [testId(40), testId(41)];
const NOW = '2026-12-04T10:00:00.000Z';
const a = annotationCommandsFor(WS);

function state(): WorkspaceState {
  const position = (id: string, status: Position['status']): Position => ({
    id, title: 'Stellungnahme', addressee: { kind: 'land', name: 'Land' }, leadPartnerId: PARTNER, dueDate: null, status, cardIds: [], createdBy: ANNA, createdAt: NOW, updatedAt: NOW,
  });
  const member = (personId: string, roles: ('member' | 'dezernent')[]) => ({ personId, partnerId: PARTNER, roles, active: true, erased: false, joinedAt: NOW });
  return {
    ...emptyState(WS),
    partners: { [PARTNER]: { id: PARTNER, name: 'Stadt Wolfsburg', shortName: 'WOB', active: true } },
    members: { [ANNA]: member(ANNA, ['member']), [LENA]: member(LENA, ['member']) },
    positions: { [DRAFT]: position(DRAFT, 'draft'), [ADOPTED]: position(ADOPTED, 'adopted') },
  };
}
type Who = 'anna' | 'lena' | 'guest';
const IDS: Record<Who, string> = { anna: ANNA, lena: LENA, guest: GUEST };
const actorOf = (s: WorkspaceState, who: Who): Actor => actorFrom(s, IDS[who]) ?? { personId: IDS[who], partnerId: '', roles: [] };
const draftText = docIdOf('position', DRAFT);
const adoptedText = docIdOf('position', ADOPTED);

describe('comments on passages and proposed changes (issue 10 item 4)', () => {
  it('a member comments on a text they read, also a frozen one; a thread gets replies and is resolved and reopened', () => {
    const { run, state: s } = littleEngine(state(), actorOf, contextAt);
    const comment = a.comment(adoptedText, 'Warum so?');
    expect(outcome(run('lena', comment, NOW))).toBe('accepted');
    const id = comment.payload.annotationId;
    expect(s.annotations[adoptedText]?.[0]).toMatchObject({ kind: 'comment', body: 'Warum so?', by: LENA, anchor: comment.payload.anchor, resolved: null });
    expect(outcome(run('anna', a.reply(id, 'Weil das Land zahlt.'), NOW))).toBe('accepted');
    expect(outcome(run('anna', a.resolve(id), NOW))).toBe('accepted');
    expect(s.annotations[adoptedText]?.[0]?.resolved).toEqual({ by: ANNA, at: NOW });
    expect(outcome(run('anna', a.resolve(id), NOW))).toBe('conflict:annotation_unchanged');
    expect(outcome(run('lena', a.resolve(id, false), NOW))).toBe('accepted');
    expect(s.annotations[adoptedText]?.[0]?.replies.map((r) => r.body)).toEqual(['Weil das Land zahlt.']);
  });

  it('a change is proposed and decided only where the text is writable; once, and recorded with who decided', () => {
    const { run, state: s } = littleEngine(state(), actorOf, contextAt);
    expect(outcome(run('anna', a.propose(adoptedText), NOW))).toBe('forbidden:document_read_only');
    const proposal = a.propose(draftText, 'Land und Kommunen gemeinsam');
    expect(outcome(run('anna', proposal, NOW))).toBe('accepted');
    const id = proposal.payload.annotationId;
    expect(outcome(run('lena', a.resolve(id), NOW))).toBe('conflict:not_a_comment');
    expect(outcome(run('lena', a.decide(id), NOW))).toBe('accepted');
    expect(s.annotations[draftText]?.[0]?.decision).toEqual({ outcome: 'accepted', by: LENA, at: NOW });
    expect(outcome(run('anna', a.decide(id, 'rejected'), NOW))).toBe('conflict:proposal_decided');
  });

  it('nobody annotates a document they cannot read, one of no feature, or one that does not exist; ids are taken once', () => {
    const { run } = littleEngine(state(), actorOf, contextAt);
    expect(outcome(run('guest', a.comment(draftText), NOW))).toBe('forbidden:no reason');
    expect(outcome(run('anna', a.comment(docIdOf('position', testId(99))), NOW))).toBe('not_found:no reason');
    expect(outcome(run('anna', a.comment(docIdOf('unknown', DRAFT)), NOW))).toBe('not_found:no reason');
    expect(outcome(run('anna', a.reply(testId(98)), NOW))).toBe('not_found:annotation_not_found');
    const comment = a.comment(draftText, 'Erster', testId(70));
    expect(outcome(run('anna', comment, NOW))).toBe('accepted');
    expect(outcome(run('lena', a.comment(draftText, 'Zweiter', testId(70)), NOW))).toBe('conflict:no reason');
  });
});
