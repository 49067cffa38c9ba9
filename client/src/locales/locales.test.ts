import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leaves);
}

describe('translations', () => {
  it('de and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('no translation is empty', () => {
    for (const value of [...leaves(de), ...leaves(en)]) expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
  });

  it('the connection states the UI shows exist in both languages', () => {
    for (const state of ['connecting', 'connected', 'reconnecting', 'offline']) {
      expect(keys(de)).toContain(`connection.${state}`);
    }
  });
});
