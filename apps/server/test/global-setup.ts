import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplates, dropPostgresTemplates } from './templates';

/**
 * Runs once per `vitest run` of the integration project, before any worker starts: builds the
 * template databases (templates.ts) and removes them when every file has finished.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-templates-'));
  const templates = await buildTemplates(dir);
  project.provide('tongbanTemplates', templates);
  return async () => {
    if (templates.postgres) await dropPostgresTemplates(process.env.TEST_DATABASE_URL!, templates.postgres);
    rmSync(dir, { recursive: true, force: true });
  };
}
