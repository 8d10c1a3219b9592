export { intermediariesRoutes } from './intermediaries.routes';
export { registerIntermediary } from './use-cases/register-intermediary';
export { createPurchase, selectIntermediary, advancePurchase, submitQuote } from './use-cases/purchases';
export { publishRule, fileComplaint } from './use-cases/market-rules';
export { requestLink } from './use-cases/link-item';
