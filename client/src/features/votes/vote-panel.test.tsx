import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { ME, PARTNER_WOB, stateWith, voteView, voteViewId } from '../../test/fixtures';
import { renderInWorkspace } from '../../test/render';
import { VotePanel } from './vote-panel';

afterEach(cleanup);

const { partners } = stateWith([]);
const people = [
  { id: ME.id, name: 'Anna Beispiel', partnerId: PARTNER_WOB, roles: ['member' as const], active: true, erased: false },
  { id: voteViewId(101), name: 'Bernd Noch', partnerId: PARTNER_WOB, roles: ['member' as const], active: true, erased: false },
];
const perPerson = (anonymous: boolean) => ({ ...voteView(1).settings, counting: 'person' as const, anonymous, visibility: 'after_close' as const });
const eligible = { partnerIds: [PARTNER_WOB], personIds: [ME.id, voteViewId(101)].sort() };

describe('VotePanel', () => {
  it('D37 D38 an open anonymous vote shows how many voted and "result after close", never who has not voted', () => {
    const view = voteView(1, { settings: perPerson(true), eligible, participation: null, turnout: { partners: 1, people: 1 }, tally: null, resultsVisible: false });
    renderInWorkspace(<VotePanel view={view} partners={partners} people={people} cardTitle={(id) => id} />);
    expect(screen.getByText('1 von 2 Personen haben abgestimmt')).toBeInTheDocument();
    expect(screen.getByText(/^Ergebnis nach Abschluss/)).toBeInTheDocument();
    expect(screen.queryByText(/Noch nicht abgestimmt/)).toBeNull();
    expect(screen.getByText(/Ergebnis erst nach Abschluss sichtbar · geheim/)).toBeInTheDocument();
  });

  it('D31 an open vote that is not anonymous names who has not voted yet', () => {
    const participation = { partners: { voted: [PARTNER_WOB], notYet: [] }, people: { voted: [ME.id], notYet: [voteViewId(101)] } };
    const view = voteView(1, { settings: perPerson(false), eligible, participation, turnout: { partners: 1, people: 1 }, tally: null, resultsVisible: false });
    renderInWorkspace(<VotePanel view={view} partners={partners} people={people} cardTitle={(id) => id} />);
    expect(screen.getByText('1 von 2 Personen haben abgestimmt')).toBeInTheDocument();
    expect(screen.getByText(/Noch nicht abgestimmt: Bernd Noch/)).toBeInTheDocument();
    expect(screen.getByText('Das Ergebnis ist bis zum Abschluss verborgen.')).toBeInTheDocument();
  });
});
