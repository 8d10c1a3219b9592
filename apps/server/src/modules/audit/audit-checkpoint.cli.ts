import { auditCheckpointCommand, processIo } from './audit-commands';

// `npm run audit:checkpoint [-- --export file.json]` (audit-commands.ts).
process.exitCode = await auditCheckpointCommand(process.argv.slice(2), process.env, processIo);
