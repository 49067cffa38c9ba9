import { describe, expect, it } from 'vitest';
import { isLocalTextOf, localTextName } from './local-texts';

describe('local copies of texts', () => {
  const anna = '6f1c2a4e-0000-4000-8000-000000000001';
  const lena = '6f1c2a4e-0000-4000-8000-000000000002';
  const ws = '6f1c2a4e-0000-4000-8000-0000000000aa';
  it('a copy is named per workspace and person and found again as that person’s only', () => {
    const name = localTextName(ws, anna, `position:${ws}`);
    expect(isLocalTextOf(name, anna)).toBe(true);
    expect(isLocalTextOf(name, lena)).toBe(false);
    expect(isLocalTextOf(`other:${ws}:${anna}:x`, anna)).toBe(false);
  });
});
