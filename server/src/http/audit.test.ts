import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TTL_MS } from '../auth/sessions.js';
import type { StoredEvent } from '@verbund/shared/events';
import { auditCsv, csvCell } from '../audit/audit-filter.js';
import { DEMO_PARTNERS, DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { adminPath, mustCommand } from '../test-support/admin.js';
import { demo, person, request } from '../test-support/live.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/** The audit view (rules S9 and A10 in docs/protocol.md): filters, CSV/JSON export, chain verification. */
let server: TestServer;
let stefan: string;
let now = Date.parse('2031-05-04T09:00:00.000Z');
const DAY = 86_400_000;
const lena = person('lena');

beforeAll(async () => {
  // The log spans days of a fake clock; sessions here end only by their absolute lifetime.
  server = await startTestServer({ deps: { clock: () => new Date(now), sessionIdleMs: SESSION_TTL_MS } });
  stefan = await server.login(person('stefan').email);
  const lenaCookie = await server.login(lena.email);
  const card = demo.createCard({ title: '=HYPERLINK("https://evil.example","klick")' });
  await mustCommand(server, lenaCookie, card); // 2031-05-04
  now += DAY;
  await mustCommand(server, lenaCookie, demo.addComment(card.payload.cardId, '+SUM(1,2)')); // 2031-05-05
  now += DAY;
  await mustCommand(server, stefan, demo.setRoles(lena.id, ['member', 'moderator'])); // 2031-05-06
});
afterAll(() => server.close({ removeData: true }));

const audit = async (query: string) => {
  const answer = await request(server, 'GET', adminPath(`audit?${query}`), { cookie: stefan });
  expect(answer.status).toBe(200);
  return answer.body as { events: StoredEvent[]; nextBeforeSeq: number | null };
};
const types = (events: StoredEvent[]) => events.map((e) => e.type);

describe('audit view', () => {
  it('A10 filters by person, partner, kind (a prefix) and date range; newest first', async () => {
    expect(types((await audit(`personId=${lena.id}&from=2031-01-01`)).events)).toEqual(['comment.added', 'card.created']);
    expect(types((await audit(`partnerId=${DEMO_PARTNERS.wob.id}&from=2031-01-01`)).events)).toEqual(['member.roles_set']);
    expect(types((await audit(`partnerId=${DEMO_PARTNERS.bs.id}&from=2031-01-01`)).events)).toEqual(['comment.added', 'card.created']);
    expect(types((await audit('type=member.roles_set')).events)).toEqual(['member.roles_set']);
    expect(types((await audit('type=comment')).events)).toEqual(['comment.added']);
    expect(types((await audit('from=2031-05-05&to=2031-05-05')).events)).toEqual(['comment.added']);
    expect(types((await audit('from=2031-05-05')).events)).toEqual(['member.roles_set', 'comment.added']);
    expect((await audit('from=2031-05-07')).events).toEqual([]);
  });

  it('A10 pages backwards with limit and beforeSeq', async () => {
    const first = await audit('limit=2');
    expect(first.events).toHaveLength(2);
    expect(first.nextBeforeSeq).toBe(first.events[1]?.seq);
    const second = await audit(`limit=2&beforeSeq=${first.nextBeforeSeq}`);
    expect(second.events[0]?.seq).toBe((first.events[1]?.seq ?? 0) - 1);
  });

  it('S11 a malformed audit query is invalid_payload', async () => {
    for (const query of ['limit=0', 'limit=1001', 'from=gestern', `type=${'x'.repeat(61)}`, 'personId=1', 'format=xlsx', 'admin=true']) {
      const answer = await request(server, 'GET', adminPath(`audit?${query}`), { cookie: stefan });
      expect([query, answer.status]).toEqual([query, 400]);
    }
  });

  it('A10 exports JSON: every matching event, oldest first, as a download', async () => {
    const answer = await request(server, 'GET', adminPath(`audit?format=json&personId=${lena.id}&from=2031-01-01`), { cookie: stefan });
    expect(answer.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.json"/);
    expect(types(answer.body as StoredEvent[])).toEqual(['card.created', 'comment.added']);
  });

  it('A10 exports CSV with a header; no cell starts like a spreadsheet formula', async () => {
    const answer = await request(server, 'GET', adminPath('audit?format=csv'), { cookie: stefan });
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = answer.body as string;
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,at,type,actorId,partnerId,commandId,data,prevHash,hash');
    expect(lines.length - 1).toBe((await audit('limit=1000')).events.length);
    expect(text).toContain('HYPERLINK');
    for (const line of lines) for (const cell of cellsOf(line)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('A10 defuses a formula in every cell position, quotes separators', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'a,b', 'sagt "ja"', 'x;y'].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '"a,b"',
      '"sagt ""ja"""',
      '"x;y"',
    ]);
    expect(auditCsv([])).toBe('seq,at,type,actorId,partnerId,commandId,data,prevHash,hash\r\n');
  });

  it('S9 verify checks the whole chain, and names the seq where a tampered row breaks it', async () => {
    const verify = () => request(server, 'GET', adminPath('audit/verify'), { cookie: stefan });
    const all = await audit('limit=1000');
    expect((await verify()).body).toEqual({ ok: true, checked: all.events.length });
    const target = all.events.find((e) => e.type === 'comment.added');
    // Someone with access to the file rewrites history behind the server's back.
    const db = new Database(join(server.dataDir, 'verbund.sqlite'));
    db.prepare("UPDATE events SET body = replace(body, '+SUM(1,2)', 'harmlos') WHERE workspace_id = ? AND seq = ?").run(DEMO_WORKSPACE_ID, target?.seq);
    db.close();
    expect((await verify()).body).toEqual({ ok: false, checked: (target?.seq ?? 0) - 1, brokenAt: target?.seq, reason: 'content does not match its hash' });
  });
});

/** Splits one CSV line into its cells (quotes with doubled quotes inside). */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  return [...cells, cell];
}
