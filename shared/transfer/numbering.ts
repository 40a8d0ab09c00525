// Transfer numbers: "<department code or T>-<year>-<sequence>", e.g. "PW-2026-003". Printed on every box label and
// receipt, quoted in every retrieval request, and used as a folder and file name, so only letters and digits.

const SEQUENCE_DIGITS = 3;

/** The department code as it can appear in a transfer number: letters and digits, upper case; "T" when none. */
export function transferPrefix(departmentCode: string): string {
  const cleaned = departmentCode.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 12);
  return cleaned || 'T';
}

export function formatTransferNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The sequence of a number made by formatTransferNumber with this prefix and year, or null. */
export function sequenceOf(number: string, prefix: string, year: number): number | null {
  const head = `${prefix}-${year}-`;
  if (!number.toUpperCase().startsWith(head.toUpperCase())) return null;
  const rest = number.slice(head.length);
  return /^\d{1,9}$/.test(rest) ? Number(rest) : null;
}

/** The next number for this department and year, after every number already given (numbers are never reused). */
export function nextTransferNumber(existing: Iterable<string>, departmentCode: string, year: number): string {
  const prefix = transferPrefix(departmentCode);
  let highest = 0;
  for (const number of existing) highest = Math.max(highest, sequenceOf(number, prefix, year) ?? 0);
  return formatTransferNumber(prefix, year, highest + 1);
}

/** The id printed as a box's barcode: "<transfer number>-<sequence padded to 3>", e.g. "PW-2026-003-001". */
export function manifestBoxId(transferNumber: string, sequence: number): string {
  return `${transferNumber}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}
