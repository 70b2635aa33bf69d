// timeline: placeholder, being written.
export function initTimeline() {}
