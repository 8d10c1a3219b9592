/** The ledger's use cases (one file per group under use-cases/); `ledgerService` in index.ts. */
export * from './use-cases/manage-inspections';
export * from './use-cases/import-draft';
export * from './use-cases/edit-findings';
export * from './use-cases/sign-off-measure';
export * from './use-cases/record-outcomes';
export * from './use-cases/view-ledger';
export * from './use-cases/build-report';
export * from './use-cases/export-sheet';
export * from './use-cases/import-sheet';
export * from './use-cases/view-dashboard';
export * from './use-cases/carry-over-findings';
export { EVIDENCE_POLICY } from './ledger-access';
