import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appErrorSchema, REFUSAL_REASONS } from './errors.js';

/** The client's texts, read as files: the vocabulary lives here, its sentences in the client. */
function refusalTexts(language: 'de' | 'en'): Record<string, unknown> {
  const messages = JSON.parse(readFileSync(new URL(`../../client/src/locales/${language}.json`, import.meta.url), 'utf8')) as { refusals?: Record<string, unknown> };
  return messages.refusals ?? {};
}

describe('refusal reasons', () => {
  it.each(['de', 'en'] as const)('every reason has a %s text, and no text is left for a reason that is gone', (language) => {
    const texts = refusalTexts(language);
    for (const reason of REFUSAL_REASONS) expect([reason, typeof texts[reason]]).toEqual([reason, 'string']);
    expect(Object.keys(texts).sort()).toEqual([...REFUSAL_REASONS].sort());
  });

  it('a reason this side does not know reads as none, so the code still explains the error', () => {
    expect(appErrorSchema.parse({ code: 'conflict', reason: 'added_later', message: 'x' })).toEqual({ code: 'conflict', message: 'x' });
    expect(appErrorSchema.parse({ code: 'conflict', reason: 'last_admin', message: 'x' }).reason).toBe('last_admin');
  });
});
