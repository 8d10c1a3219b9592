// Contracts of the hall module: request and reply schemas, error codes, labels.
export {};
