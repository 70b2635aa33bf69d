// lexicon: placeholder, being written.
export function initLexicon() {}
