import type { NewEvent } from '@verbund/shared/events';
import type { AgendaItem, ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import type { VoteSettings } from '@verbund/shared/votes';
import { officeDay, type Area, type CardFields, type Partner, type Status } from '@verbund/shared/model';
import { officeInstant } from '@verbund/shared/office-time';
import type { AuditKeys } from '../audit/audit-key.js';
import type { Storage } from '../storage/port.js';
import { appendSeedEvents, createPeople, stableId, type SeedEvent, type SeedPerson } from './workspace-setup.js';

export const DEMO_WORKSPACE_ID = stableId('demo-workspace');
export const DEMO_BOARD_ID = stableId('demo-board-initiativen');
export const DEMO_PASSWORD = 'verbund-demo';

const partner = (key: string, name: string, shortName: string): Partner => ({ id: stableId(`partner-${key}`), name, shortName, active: true });
export const DEMO_PARTNERS = {
  wob: partner('wob', 'Stadt Wolfsburg', 'WOB'),
  bs: partner('bs', 'Stadt Braunschweig', 'BS'),
  sz: partner('sz', 'Stadt Salzgitter', 'SZ'),
  gf: partner('gf', 'Landkreis Gifhorn', 'GF'),
} as const;

const person = (email: string, name: string, partnerId: string, roles: SeedPerson['roles']): SeedPerson => ({
  id: stableId(`person-${email}`),
  name,
  email,
  partnerId,
  roles,
});
const { wob, bs, sz, gf } = DEMO_PARTNERS;
export const DEMO_PEOPLE = [
  person('anna.schulz@wolfsburg.example', 'Anna Schulz', wob.id, ['member']),
  person('thomas.becker@wolfsburg.example', 'Dr. Thomas Becker', wob.id, ['member', 'dezernent']),
  person('lena.hoffmann@braunschweig.example', 'Lena Hoffmann', bs.id, ['member']),
  person('markus.weber@braunschweig.example', 'Markus Weber', bs.id, ['member', 'dezernent']),
  person('jonas.krueger@salzgitter.example', 'Jonas Krüger', sz.id, ['member']),
  person('sabine.wolf@salzgitter.example', 'Sabine Wolf', sz.id, ['member', 'dezernent']),
  person('mehmet.yilmaz@gifhorn.example', 'Mehmet Yılmaz', gf.id, ['member']),
  person('petra.neumann@gifhorn.example', 'Petra Neumann', gf.id, ['member', 'dezernent']),
  person('claudia.richter@braunschweig.example', 'Claudia Richter', bs.id, ['member', 'moderator']),
  person('stefan.braun@wolfsburg.example', 'Stefan Braun', wob.id, ['member', 'admin']),
] as const;
const [anna, thomas, lena, , jonas, , mehmet, petra, claudia] = DEMO_PEOPLE;

type Initiative = Pick<CardFields, 'title' | 'description'> & {
  area: Area;
  status: Status;
  lead: Partner;
  partners: Partner[];
  owners: SeedPerson[];
  tags: string[];
  dueDate?: string;
  addressee?: CardFields['addressee'];
};

const INITIATIVES: Initiative[] = [
  { title: 'Gemeinsames Servicekonto für alle Partner', description: 'Ein Bürger- und Unternehmenskonto (BundID/Mein Unternehmenskonto) als gemeinsamer Einstieg für alle Online-Dienste der vier Partner.', area: 'basisdienste', status: 'agreed', lead: wob, partners: [bs, sz, gf], owners: [anna], tags: ['OZG', 'Nutzerkonto'], dueDate: '2027-03-31', addressee: 'it_provider' },
  { title: 'E-Payment-Plattform bündeln', description: 'Gemeinsame Ausschreibung eines Bezahldienstes (ePayBL) statt vier Einzelverträgen.', area: 'basisdienste', status: 'review', lead: bs, partners: [wob, sz], owners: [lena], tags: ['Bezahlen', 'Vergabe'], dueDate: '2027-06-30' },
  { title: 'Online-Antrag Wohngeld (EfA-Nachnutzung)', description: 'Nachnutzung des Einer-für-Alle-Dienstes Wohngeld; Anbindung an die jeweiligen Fachverfahren klären.', area: 'online_dienste', status: 'implementation', lead: sz, partners: [wob, bs, gf], owners: [jonas], tags: ['EfA', 'Soziales'], dueDate: '2027-01-31', addressee: 'land' },
  { title: 'Digitale Kfz-Zulassung (i-Kfz Stufe 4)', description: 'Gemeinsame Einführung der internetbasierten Fahrzeugzulassung in den Zulassungsstellen.', area: 'online_dienste', status: 'agreed', lead: gf, partners: [wob, sz], owners: [mehmet], tags: ['Mobilität'], dueDate: '2027-09-30' },
  { title: 'Online-Terminvereinbarung Bürgerbüro', description: 'Einheitliches Terminsystem für Bürgerbüros, Ausländerbehörden und Zulassungsstellen.', area: 'online_dienste', status: 'done', lead: bs, partners: [wob, sz, gf], owners: [lena, anna], tags: ['Bürgerservice'] },
  { title: 'Einheitliche E-Akte', description: 'Anforderungen an ein gemeinsames Dokumentenmanagement abstimmen; Migrationspfade der Partner vergleichen.', area: 'fachverfahren', status: 'review', lead: wob, partners: [bs, gf], owners: [thomas], tags: ['E-Akte', 'DMS'], dueDate: '2027-12-31' },
  { title: 'Fachverfahren Gewerbe: gemeinsame Ausschreibung', description: 'Ablösung der Gewerbe-Fachverfahren; Bedarf der Partner erheben und gemeinsam ausschreiben.', area: 'fachverfahren', status: 'idea', lead: sz, partners: [gf], owners: [jonas], tags: ['Vergabe', 'Wirtschaft'] },
  { title: 'Digitale Gremienarbeit', description: 'Sitzungsdienst mit gemeinsamer Plattform; nach Prüfung wegen unterschiedlicher Ratsinformationssysteme verworfen.', area: 'fachverfahren', status: 'dropped', lead: gf, partners: [wob], owners: [petra], tags: ['Politik'] },
  { title: 'XBau-Schnittstelle für das Bauantragsverfahren', description: 'Anbindung der Bauaufsicht an den digitalen Bauantrag des Landes über XBau.', area: 'schnittstellen', status: 'implementation', lead: bs, partners: [wob, sz, gf], owners: [claudia], tags: ['XBau', 'Bauen'], dueDate: '2027-04-30', addressee: 'land' },
  { title: 'FIT-Connect-Anbindung der Fachverfahren', description: 'Antragsdaten aus Online-Diensten über FIT-Connect direkt in die Fachverfahren übernehmen.', area: 'schnittstellen', status: 'review', lead: wob, partners: [bs, sz, gf], owners: [anna, mehmet], tags: ['FIT-Connect', 'OZG'], addressee: 'it_provider' },
  { title: 'Offene Daten der Region', description: 'Gemeinsames Open-Data-Portal für Haushalts-, Verkehrs- und Geodaten der vier Partner.', area: 'schnittstellen', status: 'idea', lead: gf, partners: [bs], owners: [mehmet], tags: ['Open Data'] },
];

const demoCardId = (index: number) => stableId(`demo-card-${index}`);

function initiativeEvents(at: string): SeedEvent[] {
  return INITIATIVES.map((i, index) => {
    const author = i.owners[0] ?? anna;
    const card = {
      id: demoCardId(index),
      boardId: DEMO_BOARD_ID,
      position: `a${index.toString(36)}`,
      archived: false,
      createdAt: at,
      createdBy: author.id,
      updatedAt: at,
      title: i.title,
      description: i.description,
      area: i.area,
      status: i.status,
      leadPartnerId: i.lead.id,
      partnerIds: i.partners.map((p) => p.id),
      ownerIds: i.owners.map((o) => o.id),
      tags: i.tags,
      dueDate: i.dueDate ?? null,
      addressee: i.addressee ?? null,
      links: [],
    };
    return { event: { type: 'card.created', data: { card } }, actorId: author.id, partnerId: author.partnerId };
  });
}

const AGENDA: { title: string; plannedMinutes: number; cardIds: string[]; vote?: string }[] = [
  { title: 'Servicekonto: Stand der Anbindung', plannedMinutes: 20, cardIds: [demoCardId(0)] },
  { title: 'E-Payment: Eckpunkte der gemeinsamen Ausschreibung', plannedMinutes: 30, cardIds: [demoCardId(1)], vote: 'Eckpunkte der gemeinsamen E-Payment-Ausschreibung beschließen' },
  { title: 'FIT-Connect: Reihenfolge der Fachverfahren', plannedMinutes: 25, cardIds: [demoCardId(9), demoCardId(5)] },
];

/** A consent proposal counted per partner, cast by each partner's representatives, results live. */
const preparedConsent = (title: string, cardIds: string[]): VoteSettings => ({
  title,
  description: '',
  cardIds,
  config: { kind: 'proposal', reasonMode: 'optional', passRule: 'consent' },
  counting: 'partner',
  partnerBallotBy: 'representative',
  quorum: {},
  visibility: 'live',
  anonymous: false,
  closesAt: null,
});

/** One planned session a week after seeding, at ten on the office's clock, run by Claudia with Lena as co-moderator (M1). */
function sessionEvents(now: Date, at: string): SeedEvent[] {
  const day = officeDay(new Date(now.getTime() + 7 * 86_400_000));
  const session: ModeratedSession = {
    id: stableId('demo-session-1'),
    title: 'Arbeitsgruppe Digitalisierung – Sitzung 1',
    startsAt: officeInstant(day, '10:00') ?? at,
    place: 'Rathaus Braunschweig, Raum 1.12',
    link: 'https://meet.example/verbund-arbeitsgruppe',
    coModeratorIds: [lena.id],
    moderatorId: claudia.id,
    state: 'planned',
    items: [],
    currentItemId: null,
    startedAt: null,
    endedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  const items = AGENDA.map(
    (a, index): AgendaItem => ({
      id: stableId(`demo-session-1-item-${index}`),
      title: a.title,
      plannedMinutes: a.plannedMinutes,
      links: { cardIds: a.cardIds, voteIds: [], positionIds: [] },
      spans: [],
      deferred: null,
      // M60: the decision the item is meant to reach is prepared, to be opened in the session with one action.
      ...(a.vote ? { preparedVote: preparedConsent(a.vote, a.cardIds) } : {}),
    }),
  );
  const by = { actorId: claudia.id, partnerId: claudia.partnerId };
  return [
    { event: { type: 'session.created', data: { session } }, ...by },
    ...items.map((item): SeedEvent => ({ event: { type: 'session.item_added', data: { sessionId: session.id, item } }, ...by })),
  ];
}

/** Creates the demo workspace once; an existing workspace is left exactly as it is. */
export async function seedDemo(storage: Storage, auditKeys: AuditKeys, now: Date): Promise<boolean> {
  if (await storage.lastEvent(DEMO_WORKSPACE_ID)) return false;
  const at = now.toISOString();
  const joined = await createPeople(storage, [...DEMO_PEOPLE], DEMO_PASSWORD, at);
  const setup: NewEvent[] = [
    { type: 'workspace.created', data: { workspaceId: DEMO_WORKSPACE_ID, name: 'Digitalisierungskooperation Ost-Niedersachsen' } },
    ...Object.values(DEMO_PARTNERS).map((p): NewEvent => ({ type: 'partner.added', data: { partner: p } })),
    { type: 'board.created', data: { board: { id: DEMO_BOARD_ID, name: 'Initiativen' } } },
  ];
  await appendSeedEvents(storage, auditKeys, DEMO_WORKSPACE_ID, [...setup.map((event) => ({ event })), ...joined, ...initiativeEvents(at), ...sessionEvents(now, at)], at);
  return true;
}
