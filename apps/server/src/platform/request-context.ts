import type { FastifyRequest } from 'fastify';
import { CommonErrorCode } from '@tongban/contracts';
import type { Actor } from './access';
import { AppError } from './errors';

/** The signed-in actor of a request, or 401. Routes call this; services receive the actor. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError(CommonErrorCode.UNAUTHENTICATED, '请先登录', 401);
  return req.actor;
}

/** An anonymous actor for public endpoints, carrying only the client address for the audit entry. */
export function publicActor(req: FastifyRequest, regionCode: string): Actor {
  return {
    userId: null,
    username: 'public',
    displayName: '公众',
    role: 'applicant',
    regionCode,
    departmentId: null,
    clientIp: req.ip,
  };
}
