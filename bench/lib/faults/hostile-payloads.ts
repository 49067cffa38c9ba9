import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/** Where a hostile payload goes. */
export type Shot =
  | { kind: 'socket'; event: 'command:submit' | 'sync:join' | 'presence:update' | 'no:such:event'; payload: unknown; withAck: boolean }
  | { kind: 'http'; path: 'commands' | 'login' | 'state'; body: string; contentType: string };

/** `depth` levels of nesting, alternating arrays and objects. */
const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'then'] as const;

/** Objects whose keys are the ones prototype pollution uses, as own properties (built through JSON.parse). */
const protoKeyed = fc
  .dictionary(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 4 })
  .map((d) => JSON.parse(`{${Object.entries(d).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`) as unknown);

const hugeString = fc
  .tuple(fc.integer({ min: 5_000, max: 300_000 }), fc.constantFrom('x', 'ü', '\u0000', '💥', '<script>'))
  .map(([n, s]) => s.repeat(Math.ceil(n / s.length)));

const deep = fc.tuple(fc.integer({ min: 50, max: 2_500 }), fc.jsonValue({ maxDepth: 1 })).map(([d, leaf]) => nested(d, leaf));

const binary = fc.uint8Array({ maxLength: 4_096 }).map((bytes) => Buffer.from(bytes));

/** Anything JSON can carry and more: dates, typed arrays (binary frames), null-prototype objects. */
const anything = fc.anything({
  maxDepth: 4,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anything },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 5 }) },
  { weight: 2, arbitrary: protoKeyed },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: binary },
);

/**
 * Near-valid commands: a well-formed command with one field replaced by something hostile. The
 * base commands name a card or board that does not exist, so even a mutation that happens to be
 * valid is refused by the domain and never changes the workspace.
 */
export function nearValidCommand(workspaceId: string): fc.Arbitrary<unknown> {
  const missing = randomUUID();
  const bases = [
    { type: 'card.update', payload: { cardId: missing, changes: { title: 'x' } } },
    { type: 'card.create', payload: { cardId: randomUUID(), boardId: missing, position: 'a0', fields: { title: 't', area: 'basisdienste', status: 'idea' } } },
    { type: 'comment.add', payload: { commentId: randomUUID(), cardId: missing, body: 'hi' } },
    { type: 'card.move', payload: { cardId: missing, position: 'a1' } },
  ];
  return fc
    .tuple(fc.constantFrom(...bases), fc.constantFrom('id', 'workspaceId', 'type', 'payload', 'extra', 'payload.changes', 'payload.cardId', 'payload.fields', '__proto__'), hostileValue)
    .map(([base, path, value]) => {
      const command: Record<string, unknown> = JSON.parse(JSON.stringify({ id: randomUUID(), workspaceId, ...base })) as Record<string, unknown>;
      const [head, tail] = path.split('.') as [string, string | undefined];
      const target = tail ? (command[head] as Record<string, unknown>) : command;
      Object.defineProperty(target, tail ?? head, { value, enumerable: true, configurable: true, writable: true });
      return command;
    });
}

const garbageText = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '{"a":', '[1,2', 'null', '"\\ud800"', '{"__proto__":{"admin":true}}', '\u0000\u0001'));

export function shots(workspaceId: string): fc.Arbitrary<Shot> {
  const socketShot = fc.record({
    kind: fc.constant('socket' as const),
    event: fc.constantFrom<'command:submit' | 'sync:join' | 'presence:update' | 'no:such:event'>(
      'command:submit',
      'command:submit',
      'command:submit',
      'sync:join',
      'presence:update',
      'no:such:event',
    ),
    payload: fc.oneof(hostileValue, nearValidCommand(workspaceId)),
    withAck: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  });
  const httpShot = fc.record({
    kind: fc.constant('http' as const),
    path: fc.constantFrom<'commands' | 'login' | 'state'>('commands', 'commands', 'login', 'state'),
    body: fc.oneof(
      { weight: 3, arbitrary: fc.oneof(hostileValue, nearValidCommand(workspaceId)).map((v) => safeStringify(v)) },
      { weight: 1, arbitrary: garbageText },
    ),
    contentType: fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16'),
  });
  return fc.oneof({ weight: 7, arbitrary: socketShot }, { weight: 3, arbitrary: httpShot });
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return String(value);
  }
}
