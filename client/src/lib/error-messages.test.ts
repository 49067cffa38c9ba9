import { describe, expect, it } from 'vitest';
import de from '../locales/de.json';
import en from '../locales/en.json';
import { errorMessageKey } from './error-messages';

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe('errorMessageKey', () => {
  it('explains the last-admin conflict instead of the generic conflict text', () => {
    expect(errorMessageKey({ code: 'conflict', message: 'the workspace needs at least one admin' })).toBe('adminErrors.lastAdmin');
  });

  it('falls back to the text for the error code', () => {
    expect(errorMessageKey({ code: 'forbidden', message: 'you may not member.erase' })).toBe('errors.forbidden');
    expect(errorMessageKey({ code: 'network', message: 'network error' })).toBe('errors.network');
  });

  it('every key it can return exists in German and English', () => {
    const messages = [
      'the workspace needs at least one admin',
      'another partner has this short name',
      'the range lies in the past',
      'an invitation must expire within 30 days',
      'if you already have an account with this email, give its password or sign in first',
    ];
    for (const message of messages) {
      const key = errorMessageKey({ code: 'conflict', message });
      expect(typeof lookup(de, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });
});
