// Contracts of the intermediaries module: request and reply schemas, error codes, labels.
export {};
