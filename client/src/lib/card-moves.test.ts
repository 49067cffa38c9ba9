import { describe, expect, it } from 'vitest';
import { STATUSES } from '@verbund/shared/model';
import { buildColumns, columnKeys, dropMove, keyBetween, keyboardMove, movePayload } from './card-moves';
import { card } from '../test/fixtures';

function setup() {
  const a = card({ title: 'A', position: 'a1', area: 'basisdienste' });
  const b = card({ title: 'B', position: 'a2', area: 'basisdienste' });
  const c = card({ title: 'C', position: 'a3', area: 'basisdienste' });
  const d = card({ title: 'D', position: 'a1', area: 'online_dienste' });
  const e = card({ title: 'E', position: 'a2', area: 'online_dienste' });
  return { a, b, c, d, e, columns: buildColumns([c, a, e, b, d], 'area') };
}
const order = columnKeys('area');

describe('keyboardMove', () => {
  it('Alt+ArrowUp places the card between its two upper neighbours', () => {
    const { c, columns } = setup();
    const p = keyboardMove(columns, order, c.id, 'up');
    expect(p).toMatchObject({ column: 'basisdienste', index: 2, total: 3 });
    expect(p && p.position > 'a1' && p.position < 'a2').toBe(true);
  });

  it('Alt+ArrowDown places the card after its lower neighbour', () => {
    const { a, columns } = setup();
    const p = keyboardMove(columns, order, a.id, 'down');
    expect(p && p.position > 'a2' && p.position < 'a3').toBe(true);
    expect(p?.index).toBe(2);
  });

  it('returns null at the edges', () => {
    const { a, c, d, columns } = setup();
    expect(keyboardMove(columns, order, a.id, 'up')).toBeNull();
    expect(keyboardMove(columns, order, c.id, 'down')).toBeNull();
    expect(keyboardMove(columns, order, a.id, 'left')).toBeNull();
    expect(keyboardMove(columns, order, d.id, 'right')).toMatchObject({ column: 'fachverfahren', index: 1, total: 1 });
  });

  it('Alt+ArrowRight keeps the row in the neighbouring column', () => {
    const { b, columns } = setup();
    const p = keyboardMove(columns, order, b.id, 'right');
    expect(p).toMatchObject({ column: 'online_dienste', index: 2, total: 3 });
    expect(p && p.position > 'a1' && p.position < 'a2').toBe(true);
  });

  it('walks the status order in the status view', () => {
    const x = card({ status: 'idea' });
    const p = keyboardMove(buildColumns([x], 'status'), STATUSES, x.id, 'right');
    expect(p?.column).toBe('review');
    expect(p && movePayload('status', p)).toEqual({ cardId: x.id, status: 'review', position: p?.position });
  });
});

describe('dropMove', () => {
  it('dropping downwards on a card takes that card’s place (after it)', () => {
    const { a, b, c, columns } = setup();
    const p = dropMove(columns, a.id, 'basisdienste', b.id);
    expect(p && p.position > b.position && p.position < c.position).toBe(true);
  });

  it('dropping on a column appends, and onto itself does nothing', () => {
    const { a, e, columns } = setup();
    const p = dropMove(columns, a.id, 'online_dienste', null);
    expect(p && p.position > e.position).toBe(true);
    expect(dropMove(columns, a.id, 'basisdienste', a.id)).toBeNull();
  });
});

describe('keyBetween', () => {
  it('still yields a key when two cards share a position', () => {
    expect(keyBetween('a1', 'a1') > 'a1').toBe(true);
  });
});
