import type { AppError } from '@verbund/shared/errors';

/**
 * The server's conflict and validation messages are English sentences meant for logs; people get
 * a translation key for the ones they can run into, and the generic text for the error code otherwise.
 */
const KNOWN_MESSAGES: Record<string, string> = {
  'the workspace needs at least one admin': 'lastAdmin',
  'another partner has this short name': 'shortNameTaken',
  'you cannot deactivate your own partner': 'ownPartner',
  'the partner is already inactive': 'partnerInactive',
  'the partner is active': 'partnerActive',
  'the person already belongs to this partner': 'samePartner',
  'you cannot deactivate yourself': 'deactivateSelf',
  'the person is already inactive': 'personInactive',
  'the person is active': 'personActive',
  'you cannot erase yourself here': 'eraseSelf',
  'the person was erased': 'personErased',
  'the invitation has already been used': 'invitationUsed',
  'the invitation has expired': 'invitationExpired',
  'the invitation was withdrawn': 'invitationRevoked',
  'you are already a member of this workspace': 'alreadyMember',
  'if you already have an account with this email, give its password or sign in first': 'accountExists',
  'the deputy must be an active member of your partner': 'deputyPartner',
  'you cannot be your own deputy': 'deputySelf',
  'the range lies in the past': 'rangePast',
  'the current password is wrong': 'currentPasswordWrong',
  'the password is wrong': 'currentPasswordWrong',
  'partner not found': 'partnerNotFound',
  'person not found': 'personNotFound',
  'invitation not found': 'invitationNotFound',
  'deputyship not found': 'deputyshipNotFound',
};

type ErrorLike = Pick<AppError, 'message'> & { code: AppError['code'] | 'network' };

/** The i18n key that explains an error to a person. */
export function errorMessageKey(error: ErrorLike): string {
  const known = KNOWN_MESSAGES[error.message];
  if (known) return `adminErrors.${known}`;
  if (error.message.startsWith('an invitation must expire within')) return 'adminErrors.expiryRange';
  if (error.message.startsWith('you are the only admin of:')) return 'account.erase.soleAdmin';
  return `errors.${error.code}`;
}
