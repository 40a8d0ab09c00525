// Text that a spreadsheet could run as a formula ("CSV injection", OWASP): a department's titles and notes go into
// manifest.xlsx and manifest.csv verbatim, and someone at the records center opens them in Excel.

/** The characters a spreadsheet reads as the start of a formula or a DDE command (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Text as it is safe to put in a spreadsheet cell: a leading =, +, -, @, tab or carriage return gets a single quote
 * in front (OWASP's advice), so "=HYPERLINK(...)" shows as text. Readers see the apostrophe and the whole value;
 * manifest.json keeps the value exactly as written.
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** The value as written again, from a cell neutraliseFormula wrote: "'=HYPERLINK(...)" reads "=HYPERLINK(...)". */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
