// export: placeholder, being written.
export function initExport() {}
