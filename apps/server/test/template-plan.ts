import { existsSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * The integration run's template databases, as the run plans and announces them (global-setup.ts):
 * a light module, so the global setup hands the plan to the workers at once and builds the
 * templates (templates.ts, which imports the whole app) while the workers start.
 */

export type TemplatePair = { bare: string; demo: string };

/** Every table's row count and what the demo's cases came to: a copy must show the same. */
export type DemoSnapshot = {
  counts: Record<string, number>;
  cases: { caseNo: string; status: string; receivedAt: string | null }[];
};

/**
 * What global-setup.ts hands the test workers (vitest provide/inject): the directory the templates are
 * built into while the workers start. The workers wait for them there (awaitTemplates).
 */
export type TemplatePlan = { dir: string; postgres: TemplatePair | null };

/** The templates once built (templates.json in the plan's directory): serializable names only. */
export type Templates = {
  /**
   * Tarball files of a PGlite data directory; `empty` is the cluster as initdb left it, for a test
   * that migrates from an older schema itself (initdb costs seconds, loading the copy a fraction).
   */
  pglite: TemplatePair & { empty: string };
  /** Database names on the TEST_DATABASE_URL server. */
  postgres: TemplatePair | null;
  /** The demo templates as seeding left them, before they were dumped or closed. */
  seeded: { pglite: DemoSnapshot; postgres: DemoSnapshot | null };
};

declare module 'vitest' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    tongbanTemplates: TemplatePlan;
  }
}

/** Where this run's templates go: a directory for PGlite's, two database names on TEST_DATABASE_URL. */
export function planTemplates(dir: string): TemplatePlan {
  const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    dir,
    postgres: process.env.TEST_DATABASE_URL
      ? { bare: `tb_tpl_bare_${tag}`, demo: `tb_tpl_demo_${tag}` }
      : null,
  };
}

/** The files in a plan's directory that say a stage is ready (or that the build failed). */
export const READY = { empty: 'empty.json', all: 'templates.json', failed: 'failed.txt' } as const;

/** Writes a stage's file whole (renamed into place), so a reader never sees half of it. */
export function announce(dir: string, name: string, value: unknown): void {
  const file = path.join(dir, name);
  writeFileSync(`${file}.part`, typeof value === 'string' ? value : JSON.stringify(value));
  renameSync(`${file}.part`, file);
}

/**
 * Waits until a stage of the plan's templates is ready: `empty` (the initdb cluster alone) or `all`.
 * Throws with the build's error when it failed. The files are watched, not polled.
 */
export function awaitTemplates(
  plan: TemplatePlan,
  stage: 'empty',
): Promise<Pick<Templates['pglite'], 'empty'>>;
export function awaitTemplates(plan: TemplatePlan, stage: 'all'): Promise<Templates>;
export function awaitTemplates(plan: TemplatePlan, stage: 'empty' | 'all'): Promise<unknown> {
  const file = path.join(plan.dir, READY[stage]);
  const failed = path.join(plan.dir, READY.failed);
  const read = (): unknown => {
    if (existsSync(failed))
      throw new Error(`test templates failed to build:\n${readFileSync(failed, 'utf8')}`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  };
  return new Promise((resolve, reject) => {
    /** Resolves or rejects once the stage (or the failure) is announced; says whether it was. */
    const settle = (): boolean => {
      try {
        const v = read();
        if (v === undefined) return false;
        resolve(v);
      } catch (err) {
        reject(err);
      }
      return true;
    };
    if (settle()) return;
    const watcher = watch(plan.dir, () => {
      if (settle()) watcher.close();
    });
    if (settle()) watcher.close(); // announced between the first look and the watch
  });
}

/** One statement session on the PostgreSQL server as its administrator. */
export async function admin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Removes a run's PostgreSQL templates (the global setup's teardown). */
export async function dropPostgresTemplates(adminUrl: string, t: TemplatePair): Promise<void> {
  await admin(adminUrl, async (c) => {
    for (const name of [t.demo, t.bare]) await c.query(`drop database if exists ${name} with (force)`);
  });
}
