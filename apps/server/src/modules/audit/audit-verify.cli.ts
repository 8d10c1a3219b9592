import { auditVerifyCommand, processIo } from './audit-commands';

// `npm run audit:verify [-- --checkpoints file.json]` (audit-commands.ts): exit 0, 1 or 2.
process.exitCode = await auditVerifyCommand(process.argv.slice(2), process.env, processIo);
