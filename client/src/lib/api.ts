import type { z } from 'zod';
import { appErrorSchema, type AppError } from '@verbund/shared/errors';

/** A failed request, always carrying an error code from the shared vocabulary, and the refusal's reason if it has one. */
export class ApiError extends Error {
  readonly code: AppError['code'] | 'network';
  readonly status: number;
  readonly reason: AppError['reason'];

  constructor(code: AppError['code'] | 'network', message: string, status: number, reason?: AppError['reason']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.reason = reason;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request(method: Method, path: string, body?: unknown): Promise<Response> {
  // The server refuses state-changing requests without this header pair (CSRF guard).
  const headers: Record<string, string> =
    method === 'GET' ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', 'X-Requested-With': 'verbund', Accept: 'application/json' };
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toError(response: Response): Promise<ApiError> {
  const parsed = appErrorSchema.safeParse(await readJson(response));
  if (parsed.success) return new ApiError(parsed.data.code, parsed.data.message, response.status, parsed.data.reason);
  const code = response.status === 401 ? 'unauthenticated' : response.status === 429 ? 'rate_limited' : 'internal';
  return new ApiError(code, `HTTP ${response.status}`, response.status);
}

async function parse<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  if (!response.ok) throw await toError(response);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) throw new ApiError('internal', 'unexpected response shape', response.status);
  return parsed.data;
}

export async function apiGet<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  return parse(await request('GET', path), schema);
}

export async function apiPost<T extends z.ZodType>(path: string, body: unknown, schema: T): Promise<z.infer<T>> {
  return parse(await request('POST', path, body), schema);
}

/** For endpoints answering 204 No Content. */
export async function apiPostEmpty(path: string, body?: unknown): Promise<void> {
  const response = await request('POST', path, body);
  if (!response.ok) throw await toError(response);
}
