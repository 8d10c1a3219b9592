// Contracts of the evaluations module: request and reply schemas, error codes, labels.
export {};
