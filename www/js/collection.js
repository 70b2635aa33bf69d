// collection: placeholder, being written.
export function initCollection() {}
