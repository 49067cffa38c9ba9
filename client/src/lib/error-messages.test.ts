import { describe, expect, it } from 'vitest';
import de from '../locales/de.json';
import en from '../locales/en.json';
import { ERROR_CODES, REFUSAL_REASONS } from '@verbund/shared/errors';
import { errorMessageKey } from './error-messages';

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe('errorMessageKey', () => {
  it('explains the last-admin conflict instead of the generic conflict text', () => {
    expect(errorMessageKey({ code: 'conflict', reason: 'last_admin', message: 'the workspace needs at least one admin' })).toBe('refusals.last_admin');
  });

  it('falls back to the text for the error code', () => {
    expect(errorMessageKey({ code: 'forbidden', message: 'you may not member.erase' })).toBe('errors.forbidden');
    expect(errorMessageKey({ code: 'network', message: 'network error' })).toBe('errors.network');
    expect(errorMessageKey(new Error('unexpected'))).toBe('errors.internal');
  });

  it('every key it can return exists in German and English', () => {
    const failures = [
      ...REFUSAL_REASONS.map((reason) => ({ code: 'conflict' as const, reason })),
      ...[...ERROR_CODES, 'network' as const].map((code) => ({ code })),
    ];
    for (const failure of failures) {
      const key = errorMessageKey(failure);
      expect(typeof lookup(de, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });
});
