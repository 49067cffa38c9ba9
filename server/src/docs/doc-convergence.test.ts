import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocProvider } from '@verbund/shared/doc-provider';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { demo, person } from '../test-support/live.js';
import { contentOf, converged, descriptionOf, provide } from '../test-support/docs.js';
import { eventually, startTestServer, submit, type TestClient, type TestServer } from '../test-support/test-server.js';

const PEOPLE = ['anna', 'lena', 'jonas', 'mehmet'] as const;

type Step =
  | { kind: 'insert'; who: number; at: number; text: string }
  | { kind: 'delete'; who: number; at: number; length: number }
  | { kind: 'drop'; who: number }
  | { kind: 'back'; who: number }
  | { kind: 'wait' };

const who = fc.nat({ max: PEOPLE.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), who, at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), who, at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('back' as const), who }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wait' as const }) },
);

/** The text of the first paragraph, made if missing (an editor always has one). */
function textOf(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment('default');
  let paragraph = fragment.get(0);
  if (!(paragraph instanceof Y.XmlElement)) {
    paragraph = new Y.XmlElement('paragraph');
    fragment.insert(0, [paragraph]);
  }
  const first = paragraph.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  return text;
}

function apply(s: Step, providers: DocProvider[], sockets: TestClient[]): Promise<void> | void {
  if (s.kind === 'wait') return new Promise((resolve) => setTimeout(resolve, 5));
  const provider = providers[s.who];
  const socket = sockets[s.who];
  if (!provider || !socket) throw new Error('no such client');
  if (s.kind === 'drop') return void socket.disconnect();
  // `active`: connected or on its way; a second connect() on a connecting socket is not a reconnect.
  if (s.kind === 'back') return void (socket.active || socket.connect());
  const text = textOf(provider.doc);
  if (s.kind === 'insert') text.insert(s.at % (text.length + 1), s.text);
  else if (text.length > 0) text.delete(s.at % text.length, Math.min(s.length, text.length - (s.at % text.length)));
}

let server: TestServer;
let sockets: TestClient[];
const finals = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({ deps: { flood: { docs: { burst: 100_000, perSecond: 100_000 } } } });
  sockets = [];
  for (const name of PEOPLE) sockets.push((await server.connect(await server.login(person(name).email))).socket);
});
afterAll(() => server.close({ removeData: true }));

describe('doc convergence (Y10)', () => {
  it.each([1, 42, 20260302])('Y10 seed %i: clients typing, deleting, dropping and reconnecting at random all end equal to each other and to storage', async (seed) => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 60 }), async (steps) => {
        const command = demo.createCard({ title: `Fuzz ${seed}`, description: 'Anfang' });
        if (!(await submit(sockets[0] as TestClient, command)).ok) throw new Error('card not created');
        const docId = descriptionOf(command.payload.cardId);
        const providers = await Promise.all(sockets.map((socket) => provide(socket, docId)));
        for (const s of steps) await apply(s, providers, sockets);
        for (const socket of sockets) if (!socket.active) socket.connect();
        await eventually(() => sockets.every((socket) => socket.connected), 10_000);
        await Promise.all(providers.map((p) => p.settled()));
        await converged(providers.map((p) => p.doc));
        const stored = await server.storage.readDoc(DEMO_WORKSPACE_ID, docId);
        const fromStorage = new Y.Doc();
        Y.applyUpdate(fromStorage, Y.mergeUpdates([...(stored?.snapshot ? [stored.snapshot] : []), ...(stored?.updates ?? []).map((u) => u.update)]));
        expect(contentOf(fromStorage)).toBe(contentOf(providers[0]?.doc ?? new Y.Doc()));
        finals.set(docId, contentOf(fromStorage));
        for (const p of providers) p.destroy();
      }),
      { seed, numRuns: 5, endOnFailure: true },
    );
    // Five runs of up to 60 steps over real sockets: seconds on a quiet machine, more beside the rest of the suite.
  }, 90_000);

  it('Y10 after a server restart every fuzzed document opens exactly as the clients ended', async () => {
    expect(finals.size).toBeGreaterThan(0);
    await server.close();
    server = await startTestServer({ dataDir: server.dataDir });
    const socket = (await server.connect(await server.login(person('petra').email))).socket;
    for (const [docId, content] of finals) {
      const reader = await provide(socket, docId);
      expect(contentOf(reader.doc)).toBe(content);
      reader.destroy();
    }
  });
});
