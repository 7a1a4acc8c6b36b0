/** Longest dataset or series name an analyst may give (and the most taken from a file name). */
export const MAX_NAME_LENGTH = 200;

/**
 * C0 and C1 control characters and DEL. Invisible on the page, they break what a name is written
 * into: a NUL in a series name made its own CSV export a file the import refuses as binary, and a
 * line break splits a CSV header.
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why a name cannot be stored, as a clause for a validation message, or null when it can.
 * @param name the name as given (after trimming)
 */
export function checkNameText(name: string): string | null {
  const found = CONTROL_CHARACTER.exec(name);
  if (!found) return null;
  const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `has the control character U+${code} at character ${found.index + 1}; remove it`;
}

/** Control characters become spaces, and runs of white space one space. */
function cleanText(text: string): string {
  return text
    .replace(new RegExp(CONTROL_CHARACTER.source, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first `length` UTF-16 units of a text, one fewer where the cut would split a surrogate pair (an emoji). */
function cutText(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** A name made from text the analyst did not type (a file name): control characters become spaces, and it is cut to the longest name. */
export function toNameText(text: string): string {
  return cutText(cleanText(text), MAX_NAME_LENGTH).trim();
}

/** A text as a find compares it: any case, and without accents, however they were typed (a Mac's file names write `ä` as `a` and a combining mark, which a typed `ä` never matched). */
function toFindText(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * Whether a name holds what the analyst typed to find it, in any case, with or without its accents
 * (`marz` and `März` find `Umsatz März`).
 * @param find the text typed, trimmed; empty finds every name
 */
export function nameHolds(name: string, find: string): boolean {
  return toFindText(name).includes(toFindText(find));
}

/** Whether {@link toCellName} cuts this text. */
export function isLongerThanName(text: string): boolean {
  return cleanText(text).length > MAX_NAME_LENGTH;
}

/**
 * A name made from a cell of the file (a column header, a cell naming a series), cleaned as
 * {@link toNameText} cleans a file name. A longer one is cut with an ellipsis, which shows that the
 * file says more: a 20,000-character header became a series name that long, in every chart
 * legend, menu and export.
 * @param max the most UTF-16 units the name may have, the ellipsis included
 */
export function toCellName(text: string, max = MAX_NAME_LENGTH): string {
  const clean = cleanText(text);
  return clean.length <= max ? clean : `${cutText(clean, max - 1).trimEnd()}…`;
}

/**
 * Names for cells of the file that must differ within a dataset (its columns, its series): each
 * as {@link toCellName} makes it, a repeat numbered `Sales (2)`, also one that only became a repeat
 * when cut, and the number kept within {@link MAX_NAME_LENGTH}.
 */
export function toUniqueNames(texts: readonly string[]): string[] {
  const claim = nameClaimer();
  return texts.map(claim);
}

/**
 * {@link toUniqueNames} one name at a time: each call returns the cell's name, numbered if an
 * earlier call returned it already.
 */
export function nameClaimer(): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    let name = toCellName(text);
    for (let n = 2; used.has(name); n++) {
      const suffix = ` (${n})`;
      name = `${toCellName(text, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    used.add(name);
    return name;
  };
}

/** Series a list names in full; a longer one names the first few and counts the rest. */
const LISTED_SERIES = 4;

/**
 * Series names as one line of a heading or a table cell: all of them when there are a few
 * (`Wine, Beer, Cider`), else their count first, then the first three and how many more
 * (`60 series: North Wine, North Beer, North Cider and 57 more`). A run of a 60-column file
 * listed every name: seven lines over its forecast, and a runs table cell cut after two names.
 */
export function formatSeriesList(names: readonly string[]): string {
  if (names.length <= LISTED_SERIES) return names.join(", ");
  return `${names.length.toLocaleString("en-US")} series: ${names.slice(0, LISTED_SERIES - 1).join(", ")} and ${(names.length - LISTED_SERIES + 1).toLocaleString("en-US")} more`;
}
