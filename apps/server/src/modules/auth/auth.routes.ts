import {
  CSRF_HEADER,
  LoginInput,
  NoContent,
  PasswordChangeInput,
  SESSION_COOKIE,
  SessionInfo,
} from '@tongban/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../../platform/app-types';
import { limitPerClient, limitPerTarget, rateLimitedError } from '../../platform/rate-limit';
import { requireActor } from '../../platform/request-context';
import { AuthError } from './auth.errors';
import { accountKey, changePassword, login, logout, resolveSession } from './auth.service';

/**
 * Issue 12 point 8, sign-in throttling, three layers:
 * - per client address: LOGIN_PER_ADDRESS requests a minute, whatever the account (the platform limiter);
 * - per (account, address): 5 failures lock that pair for 15 minutes (login_throttle, auth.policy);
 * - per account from all addresses: LOGIN_FAILURES_PER_ACCOUNT refused passwords in 15 minutes.
 *   Only passwords actually checked count, and a locked pair's attempts are not checked, so one
 *   address adds at most 5 per lock: a stranger needs many addresses to block a clerk's account.
 */
export const LOGIN_PER_ADDRESS = 30;
export const LOGIN_FAILURES_PER_ACCOUNT = 30;
const LOGIN_ACCOUNT_WINDOW_MS = 15 * 60_000;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure });
}

/**
 * Resolves the session cookie on every API request and enforces CSRF on mutating ones: a request
 * with a session must echo the session's token in `x-csrf-token` (SameSite=Strict is the first line,
 * the token the second).
 */
export async function sessionHook(app: AppInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionTokenHash', null);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // Stored files too: private ones are served only to signed-in staff.
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/files/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    let s;
    try {
      s = await resolveSession(app.deps, token, req.ip);
    } catch (e) {
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // An expired session only matters where sign-in is needed; public and login routes go on.
      if (
        req.url.startsWith('/api/auth/login') ||
        req.url.startsWith('/api/public/') ||
        req.url === '/api/health'
      )
        return;
      throw e;
    }
    if (!s) return;
    req.actor = s.actor;
    req.csrfToken = s.csrfToken;
    req.sessionTokenHash = s.tokenHash;
    if (
      MUTATING.has(req.method) &&
      !req.url.startsWith('/api/auth/login') &&
      req.headers[CSRF_HEADER] !== s.csrfToken
    ) {
      throw new AuthError('CSRF');
    }
  });
}

export async function authRoutes(app: AppInstance) {
  // Read before the attempt (no increment), counted only when a password is refused: successes
  // never use up the account's budget.
  const accountFailures = app.createRateLimit(
    limitPerTarget(LOGIN_FAILURES_PER_ACCOUNT, LOGIN_ACCOUNT_WINDOW_MS, (req) =>
      accountKey(app.deps, (req.body as LoginInput).username),
    ),
  );
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: '登录', body: LoginInput, response: { 200: SessionInfo } },
      config: { rateLimit: limitPerClient(LOGIN_PER_ADDRESS, 60_000) },
      preHandler: async (req) => {
        const seen = await accountFailures(req, { increment: false });
        if (!seen.isAllowed && seen.remaining <= 0) throw rateLimitedError(seen.ttl);
      },
    },
    async (req, reply) => {
      const { token, info } = await login(app.deps, req.body, req.ip, {
        onPasswordRefused: async () => void (await accountFailures(req)),
      });
      setSessionCookie(reply, token, req.protocol === 'https');
      return info;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 204: NoContent } } },
    async (req, reply) => {
      const actor = requireActor(req);
      await logout(app.deps, actor, req.sessionTokenHash!);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户', response: { 200: SessionInfo } } },
    async (req) => {
      const a = requireActor(req);
      // Only a signed-in user has a session; the system actor (jobs, demo seed) never reaches here.
      if (a.role === 'system') throw new AuthError('SESSION_EXPIRED');
      return {
        csrfToken: req.csrfToken!,
        user: {
          id: a.userId!,
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          regionCode: a.regionCode,
          departmentId: a.departmentId,
        },
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: PasswordChangeInput,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await changePassword(app.deps, requireActor(req), req.body, req.sessionTokenHash!);
      return reply.status(204).send(null);
    },
  );
}
