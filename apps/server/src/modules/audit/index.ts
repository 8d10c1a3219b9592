export {
  appendAudit,
  auditChainRead,
  auditWrites,
  lockAuditChain,
  type AuditLink,
  runAudited,
  verifyAuditChain,
  listAuditEntries,
  type AuditInput,
  type VerifyResult,
} from './audit.service';
export { auditRoutes } from './audit.routes';
