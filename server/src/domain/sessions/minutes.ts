import { actualMinutes, type AgendaItem, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { calendarDayDe, officeClockDe as clock, officeDateDe as day } from '@verbund/shared/office-time';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { PmDoc, PmNode } from '@verbund/shared/rich-text';
import type { Vote } from '@verbund/shared/votes';
import type { SessionAction } from '@verbund/shared/features/sessions/actions';

/** How a person is named in the minutes: their name, or what stands for it (an erased member, someone unknown). */
export type NameOf = (personId: string) => string;

/** Quotes as German writes them; quotes inside become single ones („… ‚…‘ …“). */
const quoted = (text: string) => `„${text.replace(/„/g, '‚').replace(/“/g, '‘')}“`;
const minutes = (n: number) => `${Math.round(n)} Min.`;

const text = (value: string, bold = false): PmNode => ({ type: 'text', text: value, ...(bold ? { marks: [{ type: 'bold' }] } : {}) });
const paragraph = (...content: PmNode[]): PmNode => ({ type: 'paragraph', ...(content.length > 0 ? { content } : {}) });
const heading = (level: number, value: string): PmNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const list = (type: 'bulletList' | 'orderedList', items: PmNode[][]): PmNode => ({
  type,
  ...(type === 'orderedList' ? { attrs: { start: 1 } } : {}),
  content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })),
});

const VERDICTS: Record<string, string> = { passed: 'angenommen', rejected: 'abgelehnt', no_quorum: 'nicht beschlussfähig', ranked: 'Rangfolge ermittelt' };

/** A vote as the minutes record it: its title and, once closed, the verdict, the tally of a proposal and the outcome statement. */
function voteLine(vote: Vote): PmNode[] {
  const head = [text('Abstimmung: '), text(quoted(vote.settings.title))];
  if (vote.status === 'open') return [...head, text(' – noch offen.')];
  const { result } = vote;
  const options = result.tally.options;
  const veto = options.block ? `, Veto ${options.block}` : '';
  const counts = result.kind === 'proposal' ? ` (Zustimmung ${options.agree ?? 0}, Ablehnung ${options.disagree ?? 0}, Enthaltung ${options.abstain ?? 0}${veto})` : '';
  const outcome = vote.outcome ? ` Ergebnis: ${vote.outcome.text}` : '';
  return [...head, text(` – ${VERDICTS[result.verdict] ?? result.verdict}${counts}.${outcome}`)];
}

/** What an item treated: its initiatives, votes and positions, by title. */
function linksOf(state: WorkspaceState, item: AgendaItem): PmNode[][] {
  const cards = item.links.cardIds.flatMap((id) => {
    const card = state.cards[id];
    return card ? [[text('Initiative: '), text(quoted(card.title))]] : [];
  });
  const votes = item.links.voteIds.flatMap((id) => {
    const vote = state.votes[id];
    return vote ? [voteLine(vote)] : [];
  });
  const positions = item.links.positionIds.flatMap((id) => {
    const position = state.positions[id];
    return position ? [[text('Position: '), text(quoted(position.title))]] : [];
  });
  return [...cards, ...votes, ...positions];
}

function itemSection(state: WorkspaceState, item: AgendaItem, n: number, endedAt: string): PmNode[] {
  const actual = actualMinutes(item, endedAt);
  const over = actual - item.plannedMinutes;
  const timing = `Behandelt ${minutes(actual)} (geplant ${minutes(item.plannedMinutes)}${over >= 1 ? `, ${minutes(over)} länger` : ''}), ab ${clock(item.spans[0]?.from ?? endedAt)} Uhr.`;
  const links = linksOf(state, item);
  return [heading(3, `TOP ${n}: ${item.title}`), paragraph(text(timing)), ...(links.length > 0 ? [list('bulletList', links)] : [])];
}

/** M55: an action item as the minutes list it: what (the card's title), who, by when, and on which item. */
function actionLine(state: WorkspaceState, session: ModeratedSession, action: SessionAction, nameOf: NameOf): PmNode[] {
  const card = state.cards[action.cardId];
  const n = session.items.findIndex((item) => item.id === action.itemId) + 1;
  const owners = (card?.ownerIds ?? []).map(nameOf).join(', ');
  const due = card?.dueDate ? `, bis ${calendarDayDe(card.dueDate)}` : '';
  return [text(card?.title ?? 'Aufgabe'), text(` – ${owners || 'ohne Verantwortliche'}${due}${n > 0 ? ` (TOP ${n})` : ''}.`)];
}

function deferredLine(state: WorkspaceState, item: AgendaItem): PmNode[] {
  const target = item.deferred?.to ? state.sessions[item.deferred.to] : undefined;
  const where = target ? `vertagt auf ${quoted(target.title)} am ${day(target.startsAt)}` : 'vertagt auf eine spätere Sitzung';
  return [text(item.title), text(` – ${where}.`)];
}

/**
 * M50: the minutes of an ended session, generated from what the log recorded of it (its state): when
 * and where, who moderated, the agenda with planned and actual times, each treated item with what it
 * treated (votes with verdict, tally and outcome), the action items (M55), and the deferred items. German, the cooperation's
 * language; the partners then write on in the document. Pure: names come from `nameOf`.
 */
export function minutesContent(state: WorkspaceState, session: ModeratedSession, nameOf: NameOf): PmDoc {
  const startedAt = session.startedAt ?? session.startsAt;
  const endedAt = session.endedAt ?? startedAt;
  const where = [session.place, session.link ? `online: ${session.link}` : null].filter((part): part is string => part !== null).join(' · ');
  const coModeration = session.coModeratorIds.length > 0 ? ` Co-Moderation: ${session.coModeratorIds.map(nameOf).join(', ')}.` : '';
  const treated = session.items.filter((item) => item.spans.length > 0);
  const deferred = session.items.filter((item) => item.deferred !== null);
  const untreated = session.items.filter((item) => item.spans.length === 0 && item.deferred === null);
  const actions = state.sessionActions[session.id] ?? [];
  const content: PmNode[] = [
    heading(1, `Protokoll: ${session.title}`),
    paragraph(text(`${day(startedAt)}, ${clock(startedAt)} bis ${clock(endedAt)} Uhr${where ? ` · ${where}` : ''}`)),
    paragraph(text('Moderation: ', true), text(`${nameOf(session.moderatorId)}.${coModeration}`)),
    heading(2, 'Tagesordnung'),
    session.items.length > 0
      ? list(
          'orderedList',
          session.items.map((item) => [text(item.title), text(item.deferred ? ' (vertagt)' : ` (geplant ${minutes(item.plannedMinutes)})`)]),
        )
      : paragraph(text('Keine Tagesordnungspunkte.')),
    heading(2, 'Verlauf'),
    ...(treated.length > 0 ? treated.flatMap((item) => itemSection(state, item, session.items.indexOf(item) + 1, endedAt)) : [paragraph(text('Kein Punkt wurde behandelt.'))]),
    ...(actions.length > 0 ? [heading(2, 'Aufgaben'), list('bulletList', actions.map((action) => actionLine(state, session, action, nameOf)))] : []),
    ...(deferred.length > 0 ? [heading(2, 'Vertagte Punkte'), list('bulletList', deferred.map((item) => deferredLine(state, item)))] : []),
    ...(untreated.length > 0 ? [heading(2, 'Nicht behandelt'), list('bulletList', untreated.map((item) => [text(item.title)]))] : []),
  ];
  return { type: 'doc', content };
}
