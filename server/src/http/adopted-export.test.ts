import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docIdOf } from '@verbund/shared/docs';
import { registerEntriesSchema } from '@verbund/shared/decision-register';
import { positionVersionSchema, type PositionVersion } from '@verbund/shared/features/positions/positions-feature';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { escapeMarkdown } from '../decisions/decision-register.js';
import { berlinDay, mustCommand } from '../test-support/admin.js';
import { openDoc, provide, sendUpdate, typedUpdate } from '../test-support/docs.js';
import { docxParts, docxText } from '../test-support/export-fixtures.js';
import { demo, person, request } from '../test-support/live.js';
import { expectPdfA, inspectPdf, PDF_CHECKS_RUN } from '../test-support/pdf-tools.js';
import { positionCommandsFor } from '../test-support/position-commands.js';
import { startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';
import { position as ballot, proposalSettings, voteCommandsFor } from '../test-support/vote-commands.js';

/** The server's clock, moved by the test so every answer has a time of its own. */
let now = new Date('2026-12-04T09:00:00.000Z');
const at = (iso: string) => {
  now = new Date(iso);
};

let server: TestServer;
const cookies: Record<string, string> = {};
const sockets: Record<string, TestClient> = {};
const positions = positionCommandsFor(DEMO_WORKSPACE_ID, DEMO_PARTNERS.wob.id);
const base = (positionId: string) => `/api/workspaces/${DEMO_WORKSPACE_ID}/positions/${positionId}`;
const socket = (who: string) => sockets[who] as TestClient;
const roundsOf = async (positionId: string) => (await server.app.engines.get(DEMO_WORKSPACE_ID))?.readState().then((s) => s.positionRounds[positionId] ?? []);

let positionId: string;
let declined: PositionVersion;
let adopted: PositionVersion;

async function startRound(): Promise<{ version: PositionVersion; roundId: string }> {
  const roundId = randomUUID();
  const started = await request(server, 'POST', `${base(positionId)}/signoff`, { cookie: cookies.anna, body: { roundId, versionId: randomUUID(), name: 'Zur Zeichnung' } });
  expect(started.status).toBe(201);
  return { version: positionVersionSchema.parse(started.body), roundId };
}

async function answer(who: string, partnerId: string, roundId: string, hash: string, decision: 'approve' | 'decline' = 'approve', reason: string | null = null) {
  const answered = await submit(socket(who), positions.answer(positionId, roundId, partnerId, hash, decision, reason));
  expect(answered.ok, who).toBe(true);
}

async function appendText(text: string) {
  const writer = await provide(socket('anna'), docIdOf('position', positionId));
  const paragraph = writer.doc.getXmlFragment('default').get(0);
  if (!(paragraph instanceof Y.XmlElement)) throw new Error('no paragraph');
  const run = paragraph.get(0);
  if (run instanceof Y.XmlText) run.insert(run.length, text);
  else paragraph.insert(0, [new Y.XmlText(text)]);
  await writer.settled();
  writer.destroy();
}

async function download(format: string, lang = 'de') {
  const res = await fetch(`${server.url}${base(positionId)}/export?format=${format}&lang=${lang}`, { headers: { cookie: cookies.jonas ?? '' } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  server = await startTestServer({ deps: { clock: () => now, flood: { docs: { burst: 100_000, perSecond: 100_000 } } } });
  for (const who of ['anna', 'jonas', 'lena', 'thomas', 'markus', 'sabine', 'petra', 'stefan']) {
    cookies[who] = await server.login(person(who).email);
    sockets[who] = (await server.connect(cookies[who] ?? '')).socket;
  }
  // Markus Weber (Braunschweig) has Lena Hoffmann stand in for him from today on.
  await mustCommand(server, cookies.markus ?? '', demo.appointDeputy(person('lena').id, berlinDay(now), berlinDay(now, 30)));

  const create = positions.create({ title: 'Stellungnahme zum „Servicekonto“' });
  expect((await submit(socket('anna'), create)).ok).toBe(true);
  positionId = create.payload.positionId;
  await appendText('Die Partner fordern einen verbindlichen Zeitplan.');

  // Round 1: Wolfsburg approves, Braunschweig declines: the position is a draft again.
  const first = await startRound();
  declined = first.version;
  at('2026-12-04T09:05:00.000Z');
  await answer('thomas', DEMO_PARTNERS.wob.id, first.roundId, declined.hash);
  await answer('markus', DEMO_PARTNERS.bs.id, first.roundId, declined.hash, 'decline', 'Der Zeitplan fehlt noch.');
  await appendText(' Bis Ende 2027.');

  // Round 2: Salzgitter approves, then the round is withdrawn.
  at('2026-12-04T09:10:00.000Z');
  const second = await startRound();
  await answer('sabine', DEMO_PARTNERS.sz.id, second.roundId, second.version.hash);
  expect((await submit(socket('anna'), positions.withdraw(positionId, second.roundId))).ok).toBe(true);

  // Round 3 on the same text: four approvals, Braunschweig's by its deputy.
  at('2026-12-04T09:20:00.000Z');
  const third = await startRound();
  adopted = third.version;
  const signers = [['thomas', DEMO_PARTNERS.wob.id], ['lena', DEMO_PARTNERS.bs.id], ['sabine', DEMO_PARTNERS.sz.id], ['petra', DEMO_PARTNERS.gf.id]] as const;
  for (const [index, [who, partnerId]] of signers.entries()) {
    at(`2026-12-04T09:2${index + 1}:00.000Z`);
    await answer(who, partnerId, third.roundId, adopted.hash);
  }
  at('2026-12-04T18:30:00.000Z');
});
afterAll(() => server.close({ removeData: true }));

const SIGNATURES = [
  ['Landkreis Gifhorn', 'Petra Neumann', 'Dezernent', '4. Dezember 2026 um 10:24 Uhr'],
  ['Stadt Braunschweig', 'Lena Hoffmann', 'in Vertretung für Markus Weber', '4. Dezember 2026 um 10:22 Uhr'],
  ['Stadt Salzgitter', 'Sabine Wolf', 'Dezernent', '4. Dezember 2026 um 10:23 Uhr'],
  ['Stadt Wolfsburg', 'Dr. Thomas Becker', 'Dezernent', '4. Dezember 2026 um 10:21 Uhr'],
] as const;

describe('the export of an adopted position (P50–P55)', () => {
  it('P50 the position is adopted on the third round, and its frozen text refuses every edit', async () => {
    const rounds = await roundsOf(positionId);
    expect(rounds?.map((r) => r.outcome)).toEqual(['declined', 'withdrawn', 'adopted']);
    expect(adopted.hash).not.toBe(declined.hash);
    const docId = docIdOf('position', positionId);
    const opened = await openDoc(socket('lena'), docId);
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.access).toBe('read');
    const edit = await sendUpdate(socket('lena'), docId, randomUUID(), typedUpdate(opened.value.update, ' Nachträglich.'));
    expect(edit.ok === false && edit.error.reason).toBe('document_read_only');
  });

  it('P50 P51 P53 P54 Markdown: exactly the cover facts, the adopted text and a signature per partner of the adopted round, with its hash', async () => {
    const markdown = (await download('md')).toString('utf8');
    const row = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/^(\d+)\./, '$1\\.')).join(' | ')} | \`${adopted.hash}\` |`;
    expect(markdown).toBe(
      [
        '# Stellungnahme zum „Servicekonto“',
        '',
        '- **Adressat:** Land Niedersachsen',
        '- **Federführung:** Stadt Wolfsburg',
        '- **Status:** beschlossen',
        '- **Fällig am:** ohne Termin',
        '- **Initiativen:** keine',
        '- **Beschlossen am:** 4\\. Dezember 2026',
        '- **Partner:** Landkreis Gifhorn, Stadt Braunschweig, Stadt Salzgitter, Stadt Wolfsburg',
        '- **Verbund:** Digitalisierungskooperation Ost-Niedersachsen',
        `- **Version (SHA-256):** ${adopted.hash}`,
        '- **Stand:** 4\\. Dezember 2026 um 19:30 Uhr',
        '',
        '---',
        '',
        'Die Partner fordern einen verbindlichen Zeitplan. Bis Ende 2027.',
        '',
        '---',
        '',
        '## Zeichnung',
        '',
        '„Stellungnahme zum ‚Servicekonto‘“ wurde am 4. Dezember 2026 von allen Partnern in der Fassung mit dieser Prüfsumme beschlossen.',
        '',
        `Version (SHA-256): \`${adopted.hash}\``,
        '',
        '| Partner | Gezeichnet von | Funktion | Zeitpunkt | Version (SHA-256) |',
        '| --- | --- | --- | --- | --- |',
        ...SIGNATURES.map(row),
        '',
      ].join('\n'),
    );
    expect(markdown).not.toContain(declined.hash);
    // Markus Weber declined round 1 himself: that answer is not on the page, only his deputy's of round 3.
    expect(markdown).not.toContain('| Stadt Braunschweig | Markus Weber |');
  });

  it('P55 English labels for an English reader: "on behalf of", the day of adoption, the signatures heading', async () => {
    const markdown = (await download('md', 'en')).toString('utf8');
    expect(markdown).toContain('- **Adopted on:** 4 December 2026');
    expect(markdown).toContain('## Signatures');
    expect(markdown).toContain('| Stadt Braunschweig | Lena Hoffmann | on behalf of Markus Weber | 4 December 2026 at 10:22 (Berlin time) |');
  });

  it('P52 P53 DOCX: the cover facts, the adopted text and the signature table', async () => {
    const parts = docxParts(await download('docx'));
    const text = docxText(parts['word/document.xml'] ?? '');
    expect(text).toContain(`Version (SHA-256): ${adopted.hash}`);
    expect(text).toContain('Die Partner fordern einen verbindlichen Zeitplan. Bis Ende 2027.');
    for (const [partner, name, capacity, time] of SIGNATURES) expect(text).toContain([partner, name, capacity, time, adopted.hash].join('\n'));
    expect(text).not.toContain(declined.hash);
    expect(Object.entries(parts).some(([path, xml]) => path.startsWith('word/footer') && xml.includes(adopted.hash))).toBe(true);
  });

  it.runIf(PDF_CHECKS_RUN)('P51 P52 P53 P46 P47 PDF: qpdf passes, every font embedded, the cover, the text and every signature with name, capacity, time and hash', async () => {
    const report = inspectPdf(await download('pdf'));
    expectPdfA(report);
    const { text } = report;
    for (const expected of ['Beschlossen am: 4. Dezember 2026', `Version (SHA-256):\n${adopted.hash}`, '„Stellungnahme zum ‚Servicekonto‘“ wurde am 4. Dezember 2026', 'Partner: Landkreis Gifhorn, Stadt Braunschweig, Stadt Salzgitter, Stadt Wolfsburg', 'Verbund: Digitalisierungskooperation Ost-Niedersachsen', 'Die Partner fordern einen verbindlichen Zeitplan. Bis Ende 2027.', 'Zeichnung']) {
      expect(text).toContain(expected);
    }
    for (const [partner, name, capacity, time] of SIGNATURES) {
      // pdftotext puts the hash on a line of its own: it does not fit beside its label.
      expect(text).toContain(`${partner}\nGezeichnet von: ${name}, ${capacity}\nZeitpunkt: ${time}\nVersion (SHA-256):\n${adopted.hash}`);
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(report.info)?.[1]);
    expect(pages).toBe(3);
    expect(text.split(`SHA-256 ${adopted.hash}`).length - 1).toBe(pages);
    expect(text).not.toContain(declined.hash);
    expect(text).not.toContain('Entwurf');
  });

  it('P54 names come from the accounts as they are now: once Markus Weber’s membership is erased, the deputy signed for a former member of Braunschweig', async () => {
    await mustCommand(server, cookies.stefan ?? '', demo.eraseMember(person('markus').id));
    const markdown = (await download('md')).toString('utf8');
    expect(markdown).toContain(`| Stadt Braunschweig | Lena Hoffmann | in Vertretung für ehemaliges Mitglied von Stadt Braunschweig | 4\\. Dezember 2026 um 10:22 Uhr | \`${adopted.hash}\` |`);
    expect(markdown).not.toContain('Markus Weber');
    expect(markdown).toContain('| Stadt Wolfsburg | Dr. Thomas Becker | Dezernent |');
  });
});

describe('the decision register lists the adopted position (P56)', () => {
  const get = async (query: string) => {
    const res = await request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/decisions${query}`, { cookie: cookies.jonas });
    expect(res.status).toBe(200);
    return res.body;
  };
  const register = async (query = '') => registerEntriesSchema.parse(await get(query));
  const file = async (query: string) => String(await get(query));
  const state = async () => {
    const engine = await server.app.engines.get(DEMO_WORKSPACE_ID);
    if (!engine) throw new Error('no workspace');
    return engine.readState();
  };
  let cardId: string;
  let voteId: string;

  beforeAll(async () => {
    cardId = Object.values((await state()).cards).find((c) => !c.archived)?.id ?? '';
    expect((await submit(socket('anna'), positions.link(positionId, cardId))).ok).toBe(true);
    // A vote decided later that day, on the same card: the register holds both kinds, newest first.
    const votes = voteCommandsFor(DEMO_WORKSPACE_ID);
    voteId = randomUUID();
    at('2026-12-04T18:45:00.000Z');
    for (const command of [votes.open(proposalSettings([cardId], { title: 'Servicekonto beauftragen' }), voteId), votes.cast(voteId, ballot('agree')), votes.close(voteId), votes.recordOutcome(voteId, 'Beauftragt.')]) {
      expect((await submit(socket('anna'), command)).ok).toBe(true);
    }
  });

  it('P56 P13 P53 an entry of its own kind: title, addressee, the day of adoption, the signed version, and exactly the approvals of the adopted round', async () => {
    const entries = await register();
    expect(entries.map((e) => e.type)).toEqual(['vote', 'position']);
    const entry = entries[1];
    if (entry?.type !== 'position') throw new Error('no position entry');
    expect(entry).toMatchObject({
      positionId,
      title: 'Stellungnahme zum „Servicekonto“',
      addressee: { kind: 'land', name: 'Land Niedersachsen' },
      cardIds: [cardId],
      adoptedAt: '2026-12-04T09:24:00.000Z',
      adoptedOn: '2026-12-04',
      version: { id: adopted.id, name: 'Zur Zeichnung', hash: adopted.hash },
    });
    // Round 1's approval by Wolfsburg and round 2's by Salzgitter are not among them (P14, P53).
    expect(entry.approvals).toEqual([
      { partnerId: DEMO_PARTNERS.gf.id, by: person('petra').id, onBehalfOf: null, at: '2026-12-04T09:24:00.000Z' },
      { partnerId: DEMO_PARTNERS.bs.id, by: person('lena').id, onBehalfOf: person('markus').id, at: '2026-12-04T09:22:00.000Z' },
      { partnerId: DEMO_PARTNERS.sz.id, by: person('sabine').id, onBehalfOf: null, at: '2026-12-04T09:23:00.000Z' },
      { partnerId: DEMO_PARTNERS.wob.id, by: person('thomas').id, onBehalfOf: null, at: '2026-12-04T09:21:00.000Z' },
    ]);
  });

  it('P56 D36 the filters: kind, card, the calendar day of adoption in Berlin; a verdict is a vote’s, so it lists votes only', async () => {
    const kinds = async (query: string) => (await register(query)).map((e) => (e.type === 'vote' ? e.voteId : e.positionId));
    expect(await kinds('?type=position')).toEqual([positionId]);
    expect(await kinds('?type=vote')).toEqual([voteId]);
    expect(await kinds(`?cardId=${cardId}`)).toEqual([voteId, positionId]);
    expect(await kinds('?verdict=passed')).toEqual([voteId]);
    expect(await kinds('?type=position&from=2026-12-04&to=2026-12-04')).toEqual([positionId]);
    expect(await kinds('?type=position&from=2026-12-05')).toEqual([]);
    expect(await kinds('?type=position&to=2026-12-03')).toEqual([]);
    const bad = await request(server, 'GET', `/api/workspaces/${DEMO_WORKSPACE_ID}/decisions?type=paper`, { cookie: cookies.jonas });
    expect(bad.status).toBe(400);
  });

  it('P56 P54 the CSV: one table, a position’s row with addressee, version, hash and every signature in words (an erased Dezernent as a former member)', async () => {
    const csv = await file('?format=csv');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('type,decisionId,voteId,positionId,title,verdict,reason,counting,closedAt,cards,tally,statement,recordedBy,recordedAt,addressee,version,hash,approvals');
    expect(rows.map((r) => r.split(',')[0])).toEqual(['vote', 'position']);
    const row = rows[1] ?? '';
    expect(row).toContain(`position,${(await roundsOf(positionId))?.at(-1)?.id},,${positionId},Stellungnahme zum „Servicekonto“,adopted,,,2026-12-04T09:24:00.000Z,`);
    expect(row).toContain(`,Land Niedersachsen,Zur Zeichnung,${adopted.hash},"Landkreis Gifhorn: Petra Neumann, Dezernent, 4. Dezember 2026 um 10:24 Uhr; Stadt Braunschweig: Lena Hoffmann, in Vertretung für ehemaliges Mitglied von Stadt Braunschweig, 4. Dezember 2026 um 10:22 Uhr;`);
    expect(row).toContain('Stadt Wolfsburg: Dr. Thomas Becker, Dezernent, 4. Dezember 2026 um 10:21 Uhr"');
    expect(row).not.toContain('Markus Weber');
  });

  it('P56 the Markdown register: the position as its own section, with the version and each signature', async () => {
    const markdown = await file('?format=markdown&type=position');
    expect(markdown).toContain(
      [
        '## Stellungnahme zum „Servicekonto“',
        '',
        '- **Art:** Gemeinsame Position, beschlossen am 4. Dezember 2026',
        '- **Adressat:** Land Niedersachsen',
        `- **Fassung:** Zur Zeichnung, SHA-256 \`${adopted.hash}\``,
        `- **Betrifft:** ${escapeMarkdown((await state()).cards[cardId]?.title ?? '?')}`,
        '- **Gezeichnet:**',
        '  - Landkreis Gifhorn: Petra Neumann, Dezernent, 4. Dezember 2026 um 10:24 Uhr',
        '  - Stadt Braunschweig: Lena Hoffmann, in Vertretung für ehemaliges Mitglied von Stadt Braunschweig, 4. Dezember 2026 um 10:22 Uhr',
        '  - Stadt Salzgitter: Sabine Wolf, Dezernent, 4. Dezember 2026 um 10:23 Uhr',
        '  - Stadt Wolfsburg: Dr. Thomas Becker, Dezernent, 4. Dezember 2026 um 10:21 Uhr',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toContain('Servicekonto beauftragen');
  });
});
