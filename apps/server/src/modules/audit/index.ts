export {
  appendAudit,
  auditChainRead,
  auditChainsRead,
  auditCheckpointJob,
  auditWrites,
  auditWritesInOrder,
  type AuditLinks,
  lockAuditChain,
  lockAuditChains,
  type AuditLink,
  runAudited,
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
