// table: placeholder, being written.
export function initTable() {}
