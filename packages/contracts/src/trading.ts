// Contracts of the trading module: request and reply schemas, error codes, labels.
export {};
