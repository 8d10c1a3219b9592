// First: decides how zod parses before any schema below is built.
import './zod-setup';
export * from './roles';
export * from './errors';
export * from './reply';
export * from './permissions';
export * from './auth';
export * from './org';
export * from './calendar';
export * from './ledger';
export * from './ledger-outline';
export * from './catalog';
export * from './cases';
export * from './portal';
export * from './audit';
export * from './inbox';
export * from './supervision';
export * from './evaluations';
export * from './complaints';
export * from './hall';
export * from './bundles';
export * from './trading';
export * from './intermediaries';
export * from './reviews';
export * from './validators/region-code';
export * from './validators/credit-code';
export * from './validators/id-card';
export * from './validators/password';

import { z } from 'zod';
// Default validation messages in Chinese, on the server and in the browser alike.
z.config(z.locales.zhCN());
export * from './validators/license-id';
export * from './error-codes';
