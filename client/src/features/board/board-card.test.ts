import { describe, expect, it } from 'vitest';
import { moveDirectionForKey } from './board-card';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('moveDirectionForKey', () => {
  it('maps Alt+Arrow keys to moves', () => {
    expect(moveDirectionForKey(key('ArrowUp', { altKey: true }))).toBe('up');
    expect(moveDirectionForKey(key('ArrowDown', { altKey: true }))).toBe('down');
    expect(moveDirectionForKey(key('ArrowLeft', { altKey: true }))).toBe('left');
    expect(moveDirectionForKey(key('ArrowRight', { altKey: true }))).toBe('right');
  });

  it('leaves plain arrows, other modifiers and other keys alone', () => {
    expect(moveDirectionForKey(key('ArrowUp'))).toBeNull();
    expect(moveDirectionForKey(key('ArrowUp', { altKey: true, shiftKey: true }))).toBeNull();
    expect(moveDirectionForKey(key('ArrowUp', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(moveDirectionForKey(key('Enter', { altKey: true }))).toBeNull();
  });
});
