import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db';

/** What services need from the outside world; built once in main.ts (or a test). */
export type Deps = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  config: Config;
};

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

// Module augmentation can only merge into interfaces.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    actor: import('./access').Actor | null;
    csrfToken: string | null;
    sessionTokenHash: string | null;
  }
}
