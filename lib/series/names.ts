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

/** A name made from text the analyst did not type (a file name): control characters become spaces, and it is cut to the longest name. */
export function toNameText(text: string): string {
  return text
    .replace(new RegExp(CONTROL_CHARACTER.source, "g"), " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_NAME_LENGTH)
    .trim();
}
