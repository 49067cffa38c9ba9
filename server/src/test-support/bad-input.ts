import type { ErrorCode } from '@verbund/shared/errors';
import { DEMO_WORKSPACE_ID } from '../seed/demo.js';
import { stableId } from '../seed/workspace-setup.js';
import { nextId } from './builders.js';
import { demo } from './live.js';

/** A card the demo seed creates. */
export const SEEDED_CARD_ID = stableId('demo-card-0');

export type BadInput = {
  name: string;
  /** The JSON text, sent raw over HTTP and (when it parses) as the parsed value over the socket. */
  json: string;
  code: ErrorCode;
  /** Where the HTTP answer differs from the socket's (body limits, unparseable text). */
  http?: ErrorCode;
  /** Cases that only make sense for one transport. */
  only?: 'http' | 'socket';
  /** Too deep for socket.io-client's recursive encoder: sent to the socket as a raw frame instead. */
  rawFrame?: true;
};

const update = (changes: unknown) => ({ id: nextId(), workspaceId: DEMO_WORKSPACE_ID, type: 'card.update', payload: { cardId: SEEDED_CARD_ID, changes } });
const json = (value: unknown) => JSON.stringify(value);
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

/** Bad input of every kind from rule S11; each must be refused with its code and change nothing. */
export function badInputs(): BadInput[] {
  const valid = () => demo.updateCard(SEEDED_CARD_ID, { title: 'gültig' });
  const create = demo.createCard();
  return [
    { name: 'a string instead of a command', json: '"card.create"', code: 'invalid_payload' },
    { name: 'a number instead of a command', json: '42', code: 'invalid_payload' },
    { name: 'null instead of a command', json: 'null', code: 'invalid_payload' },
    { name: 'an array instead of a command', json: '[]', code: 'invalid_payload' },
    { name: 'an empty object', json: '{}', code: 'invalid_payload' },
    { name: 'a command without payload', json: json({ ...valid(), payload: undefined }), code: 'invalid_payload' },
    { name: 'a command without id', json: json({ ...valid(), id: undefined }), code: 'invalid_payload' },
    { name: 'a numeric id', json: json({ ...valid(), id: 12345 }), code: 'invalid_payload' },
    { name: 'a card id that is no UUID', json: json({ ...valid(), payload: { cardId: '../../etc/passwd', changes: { title: 'x' } } }), code: 'invalid_payload' },
    { name: 'a numeric title', json: json(update({ title: 42 })), code: 'invalid_payload' },
    { name: 'tags as a string', json: json(update({ tags: 'a,b' })), code: 'invalid_payload' },
    { name: 'an unknown status', json: json(update({ status: 'secret' })), code: 'invalid_payload' },
    { name: 'a position with other characters', json: json({ ...demo.moveCard(SEEDED_CARD_ID, { position: 'a0' }), payload: { cardId: SEEDED_CARD_ID, position: 'a 0;' } }), code: 'invalid_payload' },
    { name: 'an unknown command type', json: json({ ...valid(), type: 'card.delete' }), code: 'invalid_payload' },
    { name: 'an extra key on the command', json: json({ ...valid(), admin: true }), code: 'invalid_payload' },
    { name: 'an extra key in the changes', json: json(update({ title: 'x', createdBy: nextId() })), code: 'invalid_payload' },
    { name: 'an extra key in create fields', json: json({ ...create, payload: { ...create.payload, fields: { ...create.payload.fields, archived: true } } }), code: 'invalid_payload' },
    { name: 'no changes at all', json: json(update({})), code: 'invalid_payload' },
    { name: 'a foreign workspace id', json: json({ ...valid(), workspaceId: nextId() }), code: 'not_found' },
    { name: 'a __proto__ key on the command', json: json(valid()).replace(/^\{/, '{"__proto__":{"admin":true},'), code: 'invalid_payload' },
    { name: 'a __proto__ key in the changes', json: json(update({ title: 'x' })).replace('"changes":{', '"changes":{"__proto__":{"archived":true},'), code: 'invalid_payload' },
    { name: 'a constructor key in the payload', json: json(valid()).replace('"payload":{', '"payload":{"constructor":{"prototype":{"admin":true}},'), code: 'invalid_payload' },
    { name: 'a 1 MB title', json: json(update({ title: 'x'.repeat(1024 * 1024) })), code: 'invalid_payload', http: 'payload_too_large' },
    { name: 'a 300 kB description', json: json(update({ description: 'x'.repeat(300 * 1024) })), code: 'invalid_payload', http: 'payload_too_large' },
    { name: 'a title over 200 characters', json: json(update({ title: 'x'.repeat(201) })), code: 'invalid_payload' },
    { name: 'JSON nested 10,000 levels deep', json: json(update({ title: 'x' })).replace('"x"', deep(10_000)), code: 'invalid_payload', rawFrame: true },
    { name: 'a deep object as an extra key', json: `{"deep":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},${json(valid()).slice(1)}`, code: 'invalid_payload', rawFrame: true },
    { name: 'invalid JSON text', json: '{"id": "x", "type": card.create', code: 'invalid_payload', only: 'http' },
    { name: 'a truncated body', json: json(valid()).slice(0, 40), code: 'invalid_payload', only: 'http' },
    { name: 'a javascript: link', json: json(update({ links: [{ url: 'javascript:alert(document.cookie)', label: 'Klick' }] })), code: 'invalid_payload' },
    { name: 'a data: link', json: json(update({ links: [{ url: 'data:text/html,<script>alert(1)</script>' }] })), code: 'invalid_payload' },
    { name: 'a NUL in the title', json: json(update({ title: 'a\u0000b' })), code: 'invalid_payload' },
    { name: 'an escape sequence in the description', json: json(update({ description: 'rot \u001b[31m' })), code: 'invalid_payload' },
    { name: 'a bell in a comment', json: json(demo.addComment(SEEDED_CARD_ID, 'ding\u0007')), code: 'invalid_payload' },
    { name: 'a board that does not exist', json: json(demo.createCard({}, { boardId: nextId() })), code: 'not_found' },
    { name: 'a card that does not exist', json: json(demo.updateCard(nextId(), { title: 'x' })), code: 'not_found' },
    { name: 'an owner who is not a member', json: json(update({ ownerIds: [nextId()] })), code: 'invalid_payload' },
  ];
}
