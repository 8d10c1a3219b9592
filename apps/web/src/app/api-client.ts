import { CSRF_HEADER, CommonErrorCode, type ErrorCode } from '@tongban/contracts';
import { i18n } from './i18n';

/**
 * A refusal in the UI language: `apiErrors.<code>` where the code's wording is fixed (session,
 * rights, size, rate, and the modules' refusals). A code some refusals word with their specifics
 * (which material, how many days) has no entry and keeps the server's words, as does Chinese.
 */
const inUiLanguage = (code: string, message: string): string =>
  i18n.t(`apiErrors.${code}`, { defaultValue: message });

/** An error reply of the API (`{code, message, details?}`); `message` is the server's Chinese text. */
export class ApiError extends Error {
  readonly status: number;
  /** One of contracts' ERROR_CODES (compare with their constants, e.g. CasesErrorCode.STALE). */
  readonly code: ErrorCode | (string & {});
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type UnauthenticatedHandler = (code: string) => void;

let csrfToken: string | undefined;
let onUnauthenticated: UnauthenticatedHandler | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The CSRF header for a hand-made fetch (a signed-in session must echo its token on every POST). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { [CSRF_HEADER]: csrfToken } : {};
}

/** Registered by the auth context: a 401 on any call means the session is gone. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler | undefined): void {
  onUnauthenticated = handler;
}

export function isSessionError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status === 401 &&
    (error.code === CommonErrorCode.UNAUTHENTICATED || error.code === CommonErrorCode.SESSION_EXPIRED)
  );
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Do not report a 401 to the session handler (e.g. the sign-in call itself). */
  ignoreUnauthenticated?: boolean;
};

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const b = body as { code: unknown; message: unknown; details?: unknown };
    return new ApiError(
      res.status,
      String(b.code),
      inUiLanguage(String(b.code), String(b.message)),
      b.details,
    );
  }
  return new ApiError(
    res.status,
    res.status >= 500 ? CommonErrorCode.INTERNAL : 'HTTP_' + res.status,
    res.status >= 500 ? i18n.t('common.serverError') : i18n.t('common.requestFailed', { status: res.status }),
  );
}

async function send<T>(path: string, init: RequestInit, opts: RequestOptions): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (isSessionError(error) && !opts.ignoreUnauthenticated) onUnauthenticated?.(error.code);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function headersFor(method: string, json: boolean): Headers {
  const headers = new Headers({ accept: 'application/json' });
  if (json) headers.set('content-type', 'application/json');
  if (MUTATING.has(method) && csrfToken) headers.set(CSRF_HEADER, csrfToken);
  return headers;
}

/** JSON request to the API; throws ApiError on an error reply. */
export function apiRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const hasBody = opts.body !== undefined;
  return send<T>(
    path,
    { method, headers: headersFor(method, hasBody), body: hasBody ? JSON.stringify(opts.body) : undefined },
    opts,
  );
}

/** Multipart upload (the browser sets the boundary). */
export function apiUpload<T>(path: string, form: FormData): Promise<T> {
  return send<T>(path, { method: 'POST', headers: headersFor('POST', false), body: form }, {});
}
