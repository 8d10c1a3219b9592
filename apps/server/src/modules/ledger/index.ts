export { ledgerRoutes } from './ledger.routes';
export * as ledgerService from './ledger.service';
