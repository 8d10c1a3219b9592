// Contracts of the supervision module: request and reply schemas, error codes, labels.
export {};
