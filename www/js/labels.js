// The one map of entity type → short label, readable name and colours.
// Backgrounds are pastel and text is near-black, so every pair stays well above
// WCAG AA contrast (≥ 7:1). Unknown types fall back to a neutral grey.

export const ENTITY_TYPES = {
  PERSON:       { label: 'PER',    name: 'Person',       bg: '#ddd0ff', fg: '#1b1530' },
  ARMED_GROUP:  { label: 'ARMED',  name: 'Armed group',  bg: '#ffc9bd', fg: '#2e130c' },
  ORGANIZATION: { label: 'ORG',    name: 'Organisation', bg: '#bdeeee', fg: '#0d2a2a' },
  MEDIA:        { label: 'MEDIA',  name: 'Media',        bg: '#ffe590', fg: '#2b2205' },
  LOCATION:     { label: 'LOC',    name: 'Location',     bg: '#cdeab0', fg: '#18280a' },
  DATE:         { label: 'DATE',   name: 'Date',         bg: '#cfe0f7', fg: '#0f1e33' },
  WEAPON:       { label: 'WEAPON', name: 'Weapon',       bg: '#f8cde2', fg: '#30101f' },
};

const FALLBACK = { bg: '#e4e4e4', fg: '#1e1e1e' };

/** Label, name and colours for a type, with a neutral fallback for unknown ones. */
export function typeStyle(type) {
  const known = ENTITY_TYPES[type];
  if (known) return known;
  const label = String(type || '?').slice(0, 8).toUpperCase();
  return { label, name: String(type || 'Unknown'), ...FALLBACK };
}

/** Types in legend order: the known ones, then any unknown ones seen in the output. */
export function typeOrder(entities) {
  const seen = new Set(entities.map((e) => e.type));
  const extra = [...seen].filter((t) => !(t in ENTITY_TYPES)).sort();
  return [...Object.keys(ENTITY_TYPES), ...extra];
}

// Event argument roles, as highlighted in the text when a card is selected.
export const ROLES = {
  trigger:    { name: 'trigger' },
  mention:    { name: 'also reported' },
  actor1:     { name: 'actor 1' },
  actor2:     { name: 'actor 2' },
  location:   { name: 'location' },
  date:       { name: 'date' },
  fatalities: { name: 'killed' },
  wounded:    { name: 'wounded' },
  captured:   { name: 'captured' },
  source:     { name: 'source' },
};
