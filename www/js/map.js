// map: placeholder, being written.
export function initMap() {}
