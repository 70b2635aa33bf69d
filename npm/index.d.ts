// Types of the depeche npm package: the result of `analyze`, as specified in
// EXTRACTION.md (schema "1"). wasm-bindgen's own depeche.d.ts types it as `any`;
// this file is the package's `types` and re-exports the generated init functions.
// Offsets are UTF-16 code units, end exclusive: `text.slice(span.start, span.end) === span.text`.

export { default, initSync } from './depeche.js';
export type { InitInput, InitOutput, SyncInitInput } from './depeche.js';

/** Options of `analyze`. */
export interface AnalyzeOptions {
  /** `YYYY-MM-DD`: anchors relative dates ("jeudi dernier"). Default: the article's dateline, else none. */
  referenceDate?: string | null;
}

/** Offsets only (an event's sentence). */
export interface Range {
  start: number;
  end: number;
}

/** A piece of the input: its offsets and the exact text they cover. */
export interface Span extends Range {
  text: string;
}

/** The seven entity types. */
export type EntityType = 'PERSON' | 'ARMED_GROUP' | 'ORGANIZATION' | 'MEDIA' | 'LOCATION' | 'DATE' | 'WEAPON';

/** One entity mention. */
export interface Entity extends Span {
  /** `T1`, `T2`… in text order. */
  id: string;
  type: EntityType;
  /** The normalised name, when a lexicon or rule knows it. */
  canonical?: string;
  /** DATE only: ISO 8601 (`2024-11-21`, `2024-08`, `2016`, `2024-08-08/2024-08-09`), `null` when unresolved. */
  value?: string | null;
  /** ARMED_GROUP: ACLED actor type (`state`, `rebel`, `militia`, `external`…). */
  actor_type?: string;
  /** LOCATION: ISO country code, first-level division and coordinates, when known. */
  country?: string;
  admin1?: string;
  lat?: number;
  lon?: number;
  /** How it was found: `lexicon:<file>` or `rule:<name>`. */
  rule?: string;
}

/** The article's first-line dateline. */
export interface Dateline extends Span {
  /** `YYYY-MM-DDTHH:MM`, or `YYYY-MM-DD` / `YYYY-MM` when the dateline says no more. */
  datetime: string;
}

/** An event argument: the words that name it and its normalised form. */
export interface Argument extends Span {
  canonical?: string;
}

/** When an event happened: its words and ISO value (`null` when unresolved). */
export interface DateArgument extends Span {
  value: string | null;
}

/** A toll: how many were killed, wounded or captured in one incident. */
export interface Count extends Span {
  /** The figure (the lowest of a range); `null` when the text gives none (« de nombreux »). */
  value: number | null;
  /** `plusieurs` → 3, `des dizaines` → 12, `au moins 9` → 9…: true. */
  approximate: boolean;
}

export type EventType = 'battle' | 'remote_violence' | 'violence_against_civilians' | 'strategic' | 'unrest';

export type EventSubtype =
  | 'armed_clash' | 'territory_change'
  | 'air_strike' | 'shelling' | 'explosive' | 'chemical'
  | 'attack' | 'abduction'
  | 'agreement' | 'arrest' | 'group_change' | 'deployment' | 'withdrawal' | 'destruction' | 'interception'
  | 'protest' | 'riot';

/** How the text presents an event. */
export type Modality = 'actual' | 'planned' | 'negated' | 'alleged';

/** One incident, ACLED-style. */
export interface Event {
  /** `E1`, `E2`… */
  id: string;
  type: EventType;
  subtype: EventSubtype;
  /** Where the incident is reported in most detail. */
  trigger: Span;
  sentence: Range;
  /** Who initiated it. */
  actor1: Argument | null;
  /** Who was targeted, or lost. */
  actor2: Argument | null;
  location: Argument | null;
  date: DateArgument | null;
  fatalities: Count | null;
  wounded: Count | null;
  captured: Count | null;
  /** The outlet or organisation the claim is attributed to. */
  source: Argument | null;
  modality: Modality;
  /** Other places the same incident is reported (title, summaries). */
  mentions: Span[];
  /** The rules that produced the event and its arguments. */
  rules?: string[];
}

/** Everything depeche finds in one article. Fields may be added, none renamed. */
export interface Analysis {
  schema: '1';
  /** `YYYY-MM-DD`: the option, else the dateline's day; `null` when neither. */
  reference_date: string | null;
  dateline: Dateline | null;
  title: Span | null;
  entities: Entity[];
  events: Event[];
}

/**
 * Analyse one article (plain text). Throws an `Error` for a bad option (a reference
 * date that is not `YYYY-MM-DD`). Call after `init()` has resolved.
 */
export function analyze(text: string, options?: AnalyzeOptions | null): Analysis;

/** The library version (Cargo.toml's). */
export function version(): string;

/**
 * Replace the user lexicon, applied on top of the built-in ones: one name a row,
 * tab-separated `name, type, canonical, aliases (a|b), attributes (lat=…; lon=…; inter=…)`,
 * only name and type required; `''` clears it. Resolves to how many entries are in
 * use; throws an `Error` naming each bad line, the lexicon in use before then staying
 * in use.
 */
export function setLexicon(tsv: string): { entries: number };
