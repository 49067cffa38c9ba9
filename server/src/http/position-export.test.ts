import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { DocProvider } from '@verbund/shared/doc-provider';
import { docIdOf } from '@verbund/shared/docs';
import { EDITOR_FIELD } from '../domain/documents/paragraphs.js';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { stableId } from '../seed/workspace-setup.js';
import { provide } from '../test-support/docs.js';
import { docxParts, docxText, RICH_MARKDOWN } from '../test-support/export-fixtures.js';
import { OTHER_WORKSPACE_ID, OUTSIDER, person, readState, request, seedOtherWorkspace } from '../test-support/live.js';
import { expectPdfA, inspectPdf, PDF_CHECKS_RUN } from '../test-support/pdf-tools.js';
import { positionCommandsFor } from '../test-support/position-commands.js';
import { EDITOR_SCHEMA, RICH_DOCUMENT } from '../test-support/rich-document.js';
import { startTestServer, submit, type TestServer } from '../test-support/test-server.js';

const NOW = '2026-12-04T18:30:00.000Z';
const CARD = stableId('demo-card-1');
const FILE = 'stellungnahme-zum-ozg-aenderungsgesetz-2026-12-04';

let server: TestServer;
let cookie: string;
let writer: DocProvider;
let positionId: string;
let emptyPositionId: string;

const exportPath = (id: string, query: string, workspaceId = DEMO_WORKSPACE_ID) => `/api/workspaces/${workspaceId}/positions/${id}/export?${query}`;
async function download(path: string, withCookie = cookie) {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: withCookie } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  server = await startTestServer({ deps: { clock: () => new Date(NOW) } });
  cookie = await server.login(person('anna').email);
  const admin = (await server.connect(await server.login(person('stefan').email))).socket;
  const positions = positionCommandsFor(DEMO_WORKSPACE_ID, person('stefan').partnerId);
  const create = positions.create({ dueDate: '2027-03-31' }, [CARD]);
  const empty = positions.create({ title: 'Noch leer' });
  for (const command of [create, empty]) expect((await submit(admin, command)).ok).toBe(true);
  positionId = create.payload.positionId;
  emptyPositionId = empty.payload.positionId;
  // Anna writes the whole rich text as the editor's binding would, over a real socket, and keeps it open.
  const anna = (await server.connect(cookie)).socket;
  writer = await provide(anna, docIdOf('position', positionId));
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(EDITOR_SCHEMA, RICH_DOCUMENT, EDITOR_FIELD)));
  await writer.settled();
});
afterAll(async () => {
  writer.destroy();
  await server.close({ removeData: true });
});

describe('position exports over HTTP (P40–P49)', () => {
  it('P43 P48 P49 P55 Markdown: exactly the title, "Entwurf", the facts in German, the time in Berlin and the text as stored; an attachment with a slug name', async () => {
    const answer = await download(exportPath(positionId, 'format=md'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${FILE}.md"`);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body.toString('utf8')).toBe(
      [
        '# Stellungnahme zum OZG-Änderungsgesetz',
        '',
        '**Entwurf – nicht beschlossen**',
        '',
        '- **Adressat:** Land Niedersachsen',
        '- **Federführung:** Stadt Wolfsburg',
        '- **Status:** Entwurf',
        '- **Fällig am:** 31\\. März 2027',
        '- **Initiativen:** E-Payment-Plattform bündeln',
        '- **Stand:** 4\\. Dezember 2026 um 19:30 Uhr',
        '',
        '---',
        '',
        `${RICH_MARKDOWN}\n`,
      ].join('\n'),
    );
  });

  it('P44 the labels follow the reader’s language (lang=en); the text stays as written', async () => {
    const text = (await download(exportPath(positionId, 'format=md&lang=en'))).body.toString('utf8');
    expect(text).toContain('- **Addressee:** Land Niedersachsen\n- **Lead partner:** Stadt Wolfsburg\n- **Status:** Draft');
    expect(text).toContain('- **As of:** 4 December 2026 at 19:30 (Berlin time)');
    expect(text).toContain('Die Partner begrüßen **ausdrücklich**');
  });

  it('P42 DOCX: a Word document holding the facts and the whole text', async () => {
    const answer = await download(exportPath(positionId, 'format=docx'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${FILE}.docx"`);
    const text = docxText(docxParts(answer.body)['word/document.xml'] ?? '');
    for (const expected of ['Stellungnahme zum OZG-Änderungsgesetz', 'Federführung: Stadt Wolfsburg', 'Initiativen: E-Payment-Plattform bündeln', 'Die Partner begrüßen ausdrücklich', 'Gifhorn | Kreis', 'Übrige']) {
      expect(text).toContain(expected);
    }
  });

  it.runIf(PDF_CHECKS_RUN)('P46 P47 P55 PDF: passes qpdf, every font embedded, PDF/A-2b, and pdftotext finds the text with its umlauts and the table’s cells', async () => {
    const answer = await download(exportPath(positionId, 'format=pdf'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${FILE}.pdf"`);
    const report = inspectPdf(answer.body);
    expectPdfA(report);
    for (const expected of ['ENTWURF – NICHT BESCHLOSSEN', 'Stand: 4. Dezember 2026 um 19:30 Uhr', 'Die Partner begrüßen ausdrücklich die Änderung', 'Größe', 'Bürgerinnen', 'Partner', 'Anteil', 'Gifhorn | Kreis', 'Übrige', 'Seite 1 von 1']) {
      expect(report.text).toContain(expected);
    }
  });

  it('P41 an edit from an open editor is in the next export at once; a text never opened exports seeded and empty', async () => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Nachtrag aus dem offenen Editor: Übergangsfrist')]);
    writer.doc.getXmlFragment(EDITOR_FIELD).push([paragraph]);
    await writer.settled();
    expect((await download(exportPath(positionId, 'format=md'))).body.toString('utf8')).toContain('| Gifhorn \\| Kreis | Übrige |\n\nNachtrag aus dem offenen Editor: Übergangsfrist\n');
    const empty = await download(exportPath(emptyPositionId, 'format=md'));
    expect(empty.status).toBe(200);
    expect(empty.body.toString('utf8')).toMatch(/---\n\n\*Noch kein Text\.\*\n$/);
  });

  it('P49 an export changes nothing: no event is written', async () => {
    const before = (await readState(server, cookie)).seq;
    for (const format of ['md', 'docx', 'pdf']) expect((await download(exportPath(positionId, `format=${format}`))).status).toBe(200);
    expect((await readState(server, cookie)).seq).toBe(before);
  });

  it('P40 who may export: unauthenticated 401; a non-member, an unknown position and another workspace’s position 404', async () => {
    expect((await download(exportPath(positionId, 'format=md'), '')).status).toBe(401);
    await seedOtherWorkspace(server);
    const outsider = await server.login(OUTSIDER.email);
    expect((await download(exportPath(positionId, 'format=pdf'), outsider)).status).toBe(404);
    expect((await download(exportPath(positionId, 'format=md', OTHER_WORKSPACE_ID), outsider)).status).toBe(404);
    const unknown = await request(server, 'GET', exportPath(randomUUID(), 'format=md'), { cookie });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'not_found' });
  });

  it('P40 bad input is a 400 with the typed error: an unknown or missing format, an unknown language, a position id that is no id', async () => {
    for (const path of [exportPath(positionId, 'format=html'), exportPath(positionId, ''), exportPath(positionId, 'format=md&lang=fr'), exportPath(positionId, 'format=md&extra=1'), exportPath('not-an-id', 'format=md')]) {
      const answer = await request(server, 'GET', path, { cookie });
      expect(answer.status, path).toBe(400);
      expect(answer.body).toMatchObject({ code: 'invalid_payload' });
    }
  });
});
