/** The batch request of the bulk-run bench: the child's runs and the download floor's batches send the same. */
export const REQUEST = { operations: { resizing: { width: 100 } } };
