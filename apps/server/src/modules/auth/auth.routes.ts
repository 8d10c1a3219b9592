import { CSRF_HEADER, LoginInput, PasswordChangeInput, SESSION_COOKIE } from '@tongban/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../../platform/app-types';
import { requireActor } from '../../platform/request-context';
import { AuthError } from './auth.errors';
import { changePassword, login, logout, resolveSession } from './auth.service';

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
  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], summary: '登录', body: LoginInput } },
    async (req, reply) => {
      const { token, info } = await login(app.deps, req.body, req.ip);
      setSessionCookie(reply, token, req.protocol === 'https');
      return info;
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    const actor = requireActor(req);
    await logout(app.deps, actor, req.sessionTokenHash!);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
    const a = requireActor(req);
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
  });

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: '修改密码', body: PasswordChangeInput } },
    async (req, reply) => {
      await changePassword(app.deps, requireActor(req), req.body, req.sessionTokenHash!);
      return reply.status(204).send();
    },
  );
}
