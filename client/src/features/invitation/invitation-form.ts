import { z } from 'zod';
import { passwordSchema } from '@verbund/shared/http';
import { text } from '@verbund/shared/model';

export type InvitationDraft = { name: string; email: string; password: string; confirm: string };

export type InvitationField = 'name' | 'email' | 'password' | 'confirm';

/** Field by field, what to fix before the form goes out (translation keys). */
export function invitationProblems(draft: InvitationDraft): Partial<Record<InvitationField, string>> {
  const problems: Partial<Record<InvitationField, string>> = {};
  if (!text(200).safeParse(draft.name).success) problems.name = 'invitation.errors.name';
  if (!z.email().max(320).safeParse(draft.email.trim()).success) problems.email = 'invitation.errors.email';
  if (!passwordSchema.safeParse(draft.password).success) problems.password = 'invitation.errors.password';
  else if (draft.password !== draft.confirm) problems.confirm = 'invitation.errors.confirm';
  return problems;
}
