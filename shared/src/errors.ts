import { z } from 'zod';

/** The one error vocabulary, mapped once at each edge (HTTP status, socket ack). */
export const ERROR_CODES = [
  'invalid_payload',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'protocol_mismatch',
  'internal',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** For invalid_payload: where in the input the problem is. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  protocol_mismatch: 400,
  internal: 500,
};

export function appError(code: ErrorCode, message: string, issues?: AppError['issues']): AppError {
  return issues ? { code, message, issues } : { code, message };
}

/** Turns zod's issues into the wire shape; the input itself is never echoed back. */
export function invalidPayload(error: z.ZodError, what = 'payload'): AppError {
  return appError(
    'invalid_payload',
    `invalid ${what}`,
    error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
