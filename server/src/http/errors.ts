import type { ErrorRequestHandler, Response } from 'express';
import { appError, HTTP_STATUS, type AppError } from '@verbund/shared/errors';

export function sendError(res: Response, error: AppError, retryAfterSeconds?: number): void {
  if (retryAfterSeconds) res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(HTTP_STATUS[error.code]).json(error);
}

/** A password check or hash that may not run now: too many failures, or every hash slot is busy. */
export function sendLimited(res: Response, limited: { retryAfter: number; reason: 'failures' | 'busy' }): void {
  const message = limited.reason === 'busy' ? 'the server is busy checking passwords; try again in a moment' : 'too many failed sign-in attempts';
  sendError(res, appError('rate_limited', message), limited.retryAfter);
}

/** Maps body-parser's and everything else's errors onto the error vocabulary; internals are logged only. */
export function errorHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large') return sendError(res, appError('payload_too_large', 'request body is too large'));
    if (type === 'entity.parse.failed') return sendError(res, appError('invalid_payload', 'request body is not valid JSON'));
    if (typeof type === 'string' && type.startsWith('encoding.')) return sendError(res, appError('invalid_payload', 'unsupported body encoding'));
    log('request failed', error);
    if (res.headersSent) return;
    sendError(res, appError('internal', 'something went wrong on the server'));
  };
}
