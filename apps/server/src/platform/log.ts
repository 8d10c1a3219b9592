import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * Issue 12 point 7: no identity number, phone, name, password or session secret ever reaches a
 * log. Look-ups by identity number go in a POST body (bodies are never logged); on top of that the
 * logger censors these fields wherever an object logged carries them, and request URLs are logged
 * with query values and secret path parameters (draft tokens) masked.
 */
const SENSITIVE_FIELDS = [
  'idNumber',
  'phone',
  'contact',
  'password',
  'currentPassword',
  'newPassword',
  'name',
  'legalRepresentative',
  'contactName',
  'token',
  'draftToken',
  'csrfToken',
];
const SENSITIVE_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-csrf-token'];

export const REDACT_PATHS: string[] = [
  ...SENSITIVE_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
  ...SENSITIVE_HEADERS.flatMap((h) => [`req.headers["${h}"]`, `res.headers["${h}"]`, `headers["${h}"]`]),
];

/** Query parameters whose values say nothing about a person; every other value is masked. */
const SAFE_QUERY_KEYS = new Set([
  'status',
  'queue',
  'clock',
  'limit',
  'offset',
  'page',
  'pageSize',
  'lang',
  'regionCode',
  'departmentId',
  'inspectionId',
  'itemId',
  'from',
  'to',
  'start',
  'n',
  'kind',
  'entityType',
]);
/** Path parameters that are secrets (a draft token is what lets its holder open the draft). */
const SECRET_PARAMS = new Set(['token']);
const MASK = '[REDACTED]';

/** The URL as logged: secret path segments and query values outside SAFE_QUERY_KEYS masked. */
export function loggableUrl(url: string, routePattern?: string): string {
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  let path = pathname;
  if (routePattern) {
    const pattern = routePattern.split('/');
    path = pathname
      .split('/')
      .map((seg, i) => (SECRET_PARAMS.has(pattern[i]?.replace(/^:/, '') ?? '') ? MASK : seg))
      .join('/');
  }
  if (q < 0) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  const shown = [...params.entries()].map(([k, v]) =>
    SAFE_QUERY_KEYS.has(k)
      ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}`
      : `${encodeURIComponent(k)}=${MASK}`,
  );
  return `${path}?${shown.join('&')}`;
}

function serializeRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: loggableUrl(req.url, req.routeOptions?.url),
    host: req.host,
    remoteAddress: req.ip,
  };
}

type LoggerObject = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** The app's logger options: the caller's (level, stream…) with redaction and the request serializer. */
export function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base: LoggerObject = typeof logger === 'object' ? logger : {};
  return {
    ...base,
    redact: { paths: REDACT_PATHS, censor: MASK },
    serializers: { ...(base.serializers ?? {}), req: serializeRequest },
  };
}
