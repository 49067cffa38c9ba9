import type { AppError } from '@verbund/shared/errors';
import { ApiError } from './api';
import { i18n } from './i18n';
import { showToast } from './toast-store';

/** What a text needs to know of a failure: an `ApiError`, or the `AppError` of a socket ack. */
type Failure = Pick<AppError, 'reason'> & { code: AppError['code'] | 'network' };

/** Anything else thrown (an unreadable answer, a bug) is, as far as a person can tell, the server's failure. */
const failureOf = (error: Failure | Error): Failure => (error instanceof Error && !(error instanceof ApiError) ? { code: 'internal' } : error);

/**
 * The i18n key that explains a failure to a person: the sentence for the refusal's reason when the
 * server gives one, else the one for its code. The server's `message` is for logs and never read.
 */
export function errorMessageKey(error: Failure | Error): string {
  const { code, reason } = failureOf(error);
  return reason ? `refusals.${reason}` : `errors.${code}`;
}

/** How a refused command reaches a person: as a toast, except an ended session, which signing out explains. */
export function toastRefusal(error: Failure | Error): void {
  if (failureOf(error).code === 'unauthenticated') return;
  showToast(i18n.t(errorMessageKey(error)));
}
