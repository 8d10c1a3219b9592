export { ledgerRoutes } from './ledger.routes';
export * as ledgerService from './ledger.service';
export { enqueueLedgerReminders, remindersFor } from './ledger-reminders';
export { listPublicReports } from './use-cases/list-public-reports';
export {
  addSourcedFinding,
  carryOverOpenFindings,
  createSourcedInspection,
  type SourcedFindingInput,
} from './ledger.service';
export { seedFixedLedger, type FixedLedger } from './use-cases/seed-fixed-ledger';
