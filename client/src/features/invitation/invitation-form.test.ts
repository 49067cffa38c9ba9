import { describe, expect, it } from 'vitest';
import { invitationProblems } from './invitation-form';

describe('invitationProblems', () => {
  const good = { name: 'Maria Lange', email: 'maria.lange@gifhorn.example', password: 'lang-genug-1', confirm: 'lang-genug-1' };

  it('accepts a complete form', () => {
    expect(invitationProblems(good)).toEqual({});
  });

  it('names each field that needs fixing', () => {
    expect(invitationProblems({ name: ' ', email: 'keine-adresse', password: 'kurz', confirm: 'kurz' })).toEqual({
      name: 'invitation.errors.name',
      email: 'invitation.errors.email',
      password: 'invitation.errors.password',
    });
    expect(invitationProblems({ ...good, confirm: 'anders-als-oben' })).toEqual({ confirm: 'invitation.errors.confirm' });
  });
});
