import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import { CommonErrorCode } from '@tongban/contracts';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from './errors';

/**
 * SEC-2: public and sign-in routes are rate-limited per client address and, where a route names a
 * target (a case number, an account, a license), per target too. The plugin is registered with
 * `global: false`; a route opts in with `config: { rateLimit: limitPerClient(...) }` or
 * `limitPerTarget(...)`. Counters live in process memory (one counter set per server process).
 */
export async function registerRateLimit(app: FastifyInstance, scale: number): Promise<void> {
  rateLimitScale = scale;
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(
        CommonErrorCode.RATE_LIMITED,
        `请求过于频繁，请 ${Math.max(1, Math.ceil(ctx.ttl / 1000))} 秒后再试`,
        429,
        {
          retryAfterSeconds: Math.max(1, Math.ceil(ctx.ttl / 1000)),
        },
      ),
  });
}

let rateLimitScale = 1;

/** At most `max` requests per client address per `windowMs` on this route. */
export function limitPerClient(max: number, windowMs: number): RateLimitOptions {
  return { max: Math.max(1, Math.round(max * rateLimitScale)), timeWindow: windowMs };
}

/**
 * At most `max` requests per target per `windowMs`, whoever sends them: `target` names what is being
 * looked up (from params or body), so spreading guesses over many addresses does not help. Runs
 * before the handler (after the body is parsed), so the body can name the target.
 */
export function limitPerTarget(
  max: number,
  windowMs: number,
  target: (req: FastifyRequest) => string | undefined,
): RateLimitOptions {
  return {
    max: Math.max(1, Math.round(max * rateLimitScale)),
    timeWindow: windowMs,
    hook: 'preHandler',
    keyGenerator: (req) => `target:${req.routeOptions.url}:${target(req) ?? req.ip}`,
  };
}

/**
 * SEC-2: a second limit, per target, on a route whose `config.rateLimit` already limits per client
 * address (the plugin runs one limiter per request, so two limits need a second counter). A
 * preHandler, so the parsed body can name the target. One limiter may serve several routes that
 * reach the same target (tracking and its notice download count together).
 */
export function targetLimiter(
  app: FastifyInstance,
  name: string,
  max: number,
  windowMs: number,
  target: (req: FastifyRequest) => string | undefined,
): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({
    max: Math.max(1, Math.round(max * rateLimitScale)),
    timeWindow: windowMs,
    keyGenerator: (req) => `target:${name}:${target(req) ?? ''}`,
  });
  return async (req, reply) => {
    const r = await check(req);
    if (r.isAllowed || !r.isExceeded) return;
    reply.header('retry-after', Math.max(1, r.ttlInSeconds));
    throw rateLimitedError(r.ttl);
  };
}

/**
 * The 429 of a limit checked by hand (`app.createRateLimit`, e.g. a second limit on a route whose
 * `config.rateLimit` is taken: the plugin runs one limiter per request), worded like the plugin's.
 */
export function rateLimitedError(ttlMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new AppError(CommonErrorCode.RATE_LIMITED, `请求过于频繁，请 ${seconds} 秒后再试`, 429, {
    retryAfterSeconds: seconds,
  });
}
