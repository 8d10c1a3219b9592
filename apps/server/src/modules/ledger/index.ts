export { ledgerRoutes } from './ledger.routes';
export * as ledgerService from './ledger.service';
export { enqueueLedgerReminders, remindersFor } from './ledger-reminders';
export {
  addSourcedFinding,
  carryOverOpenFindings,
  createSourcedInspection,
  type SourcedFindingInput,
} from './ledger.service';
