import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { announce, dropPostgresTemplates, planTemplates, READY } from './template-plan';

const BUILD_CLI = path.join(import.meta.dirname, 'build-templates.cli.ts');

/**
 * Runs once per `vitest run` of the integration project, before any worker starts: plans the template
 * databases, hands the plan to the workers at once, and builds the templates in a child process
 * (build-templates.cli.ts) while the workers start. Building keeps one core busy for ~15 s (initdb,
 * migrating, seeding the demo); in vitest's own process it would also stall the modules the workers
 * import from it. Each file waits for the templates it needs (harness.ts); they are removed when
 * every file has finished.
 */
export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-templates-'));
  const plan = planTemplates(dir);
  project.provide('tongbanTemplates', plan);
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', '--import', 'tsx', BUILD_CLI, JSON.stringify(plan)],
    { stdio: 'inherit' },
  );
  const built = new Promise<void>((resolve) => {
    const failed = (why: string) => {
      // The builder announces its own errors; this is for a builder that could not say (killed, crashed).
      if (!existsSync(path.join(dir, READY.all)) && !existsSync(path.join(dir, READY.failed)))
        announce(dir, READY.failed, why);
      resolve();
    };
    child.on('error', (err) => failed(`the template builder did not start: ${err.message}`));
    child.on('exit', (code, signal) => failed(`the template builder exited (${signal ?? code})`));
  });
  return async () => {
    await built;
    if (plan.postgres) await dropPostgresTemplates(process.env.TEST_DATABASE_URL!, plan.postgres);
    rmSync(dir, { recursive: true, force: true });
  };
}
