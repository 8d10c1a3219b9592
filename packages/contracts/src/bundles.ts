// Contracts of the bundles module: request and reply schemas, error codes, labels.
export {};
