import { describe, expect, it } from 'vitest';
import { ingestEvents } from './event-buffer';
import { updatedEvent, uuid } from '../test/fixtures';

const cardId = uuid();
const ev = (seq: number) => updatedEvent(seq, cardId, { title: `t${seq}` });
const seqs = (events: { seq: number }[]) => events.map((e) => e.seq);

describe('ingestEvents', () => {
  it('releases the contiguous run after the current seq', () => {
    const r = ingestEvents(5, [], [ev(6), ev(7)]);
    expect(seqs(r.ready)).toEqual([6, 7]);
    expect(r.buffered).toEqual([]);
  });

  it('drops events already applied and duplicates (ack and broadcast carry the same event)', () => {
    const r = ingestEvents(5, [], [ev(4), ev(5), ev(6), ev(6)]);
    expect(seqs(r.ready)).toEqual([6]);
  });

  it('holds back events after a hole and releases them once the hole is filled', () => {
    const first = ingestEvents(5, [], [ev(8), ev(7)]);
    expect(first.ready).toEqual([]);
    expect(seqs(first.buffered)).toEqual([7, 8]);
    const second = ingestEvents(5, first.buffered, [ev(6)]);
    expect(seqs(second.ready)).toEqual([6, 7, 8]);
    expect(second.buffered).toEqual([]);
  });

  it('drops buffered events that a snapshot already covers', () => {
    const r = ingestEvents(9, [ev(7), ev(11)], []);
    expect(r.ready).toEqual([]);
    expect(seqs(r.buffered)).toEqual([11]);
  });
});
