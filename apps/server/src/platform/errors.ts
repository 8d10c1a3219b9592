import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CommonErrorCode, type ApiError, type ErrorCode } from '@tongban/contracts';

/**
 * The one error type services throw: a stable code, an HTTP status and a Chinese message.
 * Each module's `<m>.errors.ts` makes its own codes and messages on top of it; every code is one
 * of contracts' ERROR_CODES, so the web can compare against the same constants.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id?: string) =>
  new AppError(CommonErrorCode.NOT_FOUND, `${what}不存在`, 404, id ? { id } : undefined);
export const forbidden = (message = '无权执行此操作') =>
  new AppError(CommonErrorCode.FORBIDDEN, message, 403);
export const badRequest = (message: string, details?: unknown) =>
  new AppError(CommonErrorCode.VALIDATION, message, 400, details);
export const conflict = (message: string, details?: unknown) =>
  new AppError(CommonErrorCode.CONFLICT, message, 409, details);

// Fastify's own 4xx errors (bad JSON, wrong content type, body too large…) keep their status and
// get a Chinese message.
const FASTIFY_MESSAGES: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [CommonErrorCode.VALIDATION, '请求体不是有效的 JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [CommonErrorCode.VALIDATION, '请求体不能为空'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [CommonErrorCode.VALIDATION, '不支持的请求内容类型'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [CommonErrorCode.VALIDATION, '请求长度不正确'],
  FST_ERR_CTP_BODY_TOO_LARGE: [CommonErrorCode.PAYLOAD_TOO_LARGE, '请求内容过大'],
  FST_REQ_FILE_TOO_LARGE: [CommonErrorCode.PAYLOAD_TOO_LARGE, '上传文件过大'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [CommonErrorCode.VALIDATION, '请以 multipart/form-data 上传文件'],
  // @fastify/multipart's own errors (issue 12 point 6: broken uploads are the client's fault).
  FST_MP_PREMATURE_CLOSE: [CommonErrorCode.VALIDATION, '上传内容不完整，请重新上传'],
  FST_PARTS_LIMIT: [CommonErrorCode.PAYLOAD_TOO_LARGE, '上传的字段或文件过多'],
  FST_FILES_LIMIT: [CommonErrorCode.PAYLOAD_TOO_LARGE, '一次只能上传一个文件'],
  FST_FIELDS_LIMIT: [CommonErrorCode.PAYLOAD_TOO_LARGE, '上传的字段过多'],
  FST_PROTO_VIOLATION: [CommonErrorCode.VALIDATION, '上传内容的字段名不允许'],
  FST_INVALID_JSON_FIELD_ERROR: [CommonErrorCode.VALIDATION, '上传内容中的 JSON 字段格式不正确'],
};

// The multipart parser (busboy) throws plain Errors for a body it cannot read: no boundary in the
// content type, a boundary that never appears, a body cut off. Only its exact messages are matched,
// so a real fault elsewhere still answers 500.
const BROKEN_MULTIPART = [
  /^Multipart: Boundary not found$/,
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
];
export const BROKEN_MULTIPART_MESSAGE = '上传内容格式不正确（multipart 边界缺失、不符或内容被截断）';

// PostgreSQL errors that can only come from bad input reaching a constraint — a safety net behind
// the zod schemas, so a missed check still answers 4xx and the transaction rolls back.
const PG_ERRORS: Record<string, [number, ErrorCode, string]> = {
  '23505': [409, CommonErrorCode.CONFLICT, '记录已存在（重复）'],
  '23503': [400, CommonErrorCode.VALIDATION, '引用的记录不存在或仍被引用'],
  '23514': [400, CommonErrorCode.VALIDATION, '数据不符合约束条件'],
  '23502': [400, CommonErrorCode.VALIDATION, '缺少必填数据'],
  '22P02': [400, CommonErrorCode.VALIDATION, '数据格式不正确'],
  '22007': [400, CommonErrorCode.VALIDATION, '日期时间格式不正确'],
  '22008': [400, CommonErrorCode.VALIDATION, '日期时间超出范围'],
  '22001': [400, CommonErrorCode.VALIDATION, '文本过长'],
  '22003': [400, CommonErrorCode.VALIDATION, '数值超出范围'],
  '40001': [409, CommonErrorCode.CONFLICT, '并发冲突，请重试'],
  // Text PostgreSQL cannot store or read (issue 12 point 6): a NUL byte (\u0000) or bytes that
  // are not valid in the database encoding; LIKE/regex patterns built from input.
  '22021': [400, CommonErrorCode.VALIDATION, '文本包含不允许的字符（如空字符 \\u0000）'],
  '22P05': [400, CommonErrorCode.VALIDATION, '文本包含无法保存的字符'],
  '22025': [400, CommonErrorCode.VALIDATION, '查询条件中的转义字符不正确'],
  '22019': [400, CommonErrorCode.VALIDATION, '查询条件中的转义字符不正确'],
  '2201B': [400, CommonErrorCode.VALIDATION, '查询条件不是有效的正则表达式'],
  '22023': [400, CommonErrorCode.VALIDATION, '参数值不正确'],
  '22004': [400, CommonErrorCode.VALIDATION, '缺少必填数据'],
  '22026': [400, CommonErrorCode.VALIDATION, '数据长度不正确'],
  '54000': [400, CommonErrorCode.VALIDATION, '数据过长，超出数据库限制'],
};

export function toApiError(err: unknown): { status: number; body: ApiError } {
  if (err instanceof AppError) {
    return { status: err.status, body: { code: err.code, message: err.message, details: err.details } };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? '格式不正确',
    }));
    const first = issues[0];
    const where = first?.path ? `${first.path}：` : '';
    return {
      status: 400,
      body: {
        code: CommonErrorCode.VALIDATION,
        message: `输入有误：${where}${first?.message ?? '格式不正确'}`,
        details: issues,
      },
    };
  }
  const fe = err as Partial<FastifyError> & { code?: string };
  if (fe.code && FASTIFY_MESSAGES[fe.code]) {
    const [code, message] = FASTIFY_MESSAGES[fe.code]!;
    return { status: fe.statusCode && fe.statusCode < 500 ? fe.statusCode : 400, body: { code, message } };
  }
  if (err instanceof Error && BROKEN_MULTIPART.some((re) => re.test(err.message))) {
    return { status: 400, body: { code: CommonErrorCode.VALIDATION, message: BROKEN_MULTIPART_MESSAGE } };
  }
  if (fe.code && PG_ERRORS[fe.code]) {
    const [status, code, message] = PG_ERRORS[fe.code]!;
    return { status, body: { code, message } };
  }
  if (fe.validation) {
    return { status: 400, body: { code: CommonErrorCode.VALIDATION, message: '输入有误' } };
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code =
      fe.statusCode === 413
        ? CommonErrorCode.PAYLOAD_TOO_LARGE
        : fe.statusCode === 429
          ? CommonErrorCode.RATE_LIMITED
          : CommonErrorCode.VALIDATION;
    return {
      status: fe.statusCode,
      body: { code, message: fe.statusCode === 429 ? '请求过于频繁，请稍后再试' : '请求无效' },
    };
  }
  return { status: 500, body: { code: CommonErrorCode.INTERNAL, message: '服务器内部错误，请稍后再试' } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toApiError(err);
    if (status >= 500) request.log.error({ err }, 'unhandled error');
    else request.log.info({ code: body.code, status }, body.message);
    void reply.status(status).send(body);
  });
}

/** Whether a parsed value holds a NUL character anywhere (keys included). */
export function containsNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 64 || v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some((x) => containsNul(x, depth + 1));
  return Object.entries(v).some(([k, x]) => k.includes('\u0000') || containsNul(x, depth + 1));
}

export const NUL_MESSAGE = '输入不能包含空字符（\\u0000）';

/**
 * Issue 12 point 6: PostgreSQL refuses a NUL byte in text (22021), so a NUL anywhere in the parsed
 * body, the query or the path parameters is refused with 400 before validation, on every route -
 * the PG_ERRORS entry above stays as the net for what arrives otherwise (multipart fields).
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (containsNul(req.params) || containsNul(req.query) || containsNul(req.body))
      throw badRequest(NUL_MESSAGE);
  });
}
