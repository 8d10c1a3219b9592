// Contracts of the complaints module: request and reply schemas, error codes, labels.
export {};
