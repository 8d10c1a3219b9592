import type { TemplatePlan } from './template-plan';
import { buildTemplates } from './templates';

/**
 * Builds the integration run's templates in a process of their own (global-setup.ts spawns it with the
 * plan as its one argument): vitest's main process stays free to serve the workers' modules while
 * PGlite keeps this one busy. Success and failure are announced in the plan's directory.
 */
const plan = JSON.parse(process.argv[2]!) as TemplatePlan;
await buildTemplates(plan);
