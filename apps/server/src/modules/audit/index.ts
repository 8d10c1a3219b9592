// The one audit API is runCommand's `audit` effect (platform/command.ts). What this index adds:
// - lockAuditChain(s), auditChainRead, auditChainsRead: the chain locks a batched change reads first;
// - auditEntryWrites: that API's batched form, the entries' writes for a change that sends them with
//   its other last writes and COMMIT (runCommand's `writes`, docs/adr/0003);
// - appendAudit: for platform/command.ts only (eslint.config.js keeps modules from importing it).
export {
  appendAudit,
  auditChainRead,
  auditChainsRead,
  auditCheckpointJob,
  auditEntryWrites,
  type AuditLinks,
  lockAuditChain,
  lockAuditChains,
  type AuditLink,
  verifyAuditChain,
  writeCheckpoints,
  exportCheckpoints,
  listAuditEntries,
  type AuditInput,
  type VerifyOptions,
  type VerifyResult,
} from './audit.service';
export { checkpointKey, describeProblem, type AuditProblem } from './audit.policy';
export { auditRoutes } from './audit.routes';
