// Titles that look like they carry a personal identifier. Transmittal forms can be public records, so a folder
// titled "Smith, J. SSN 123-45-6789" must be caught before the manifest leaves the office. Warnings, not errors:
// a permit number can look like an employer id, and the person sending decides.

export type IdentifierKind = 'ssn' | 'ein' | 'dob' | 'card' | 'email';

export const identifierLabels: Record<IdentifierKind, string> = {
  ssn: 'a Social Security number',
  ein: 'an Employer Identification Number',
  dob: 'a date of birth',
  card: 'a payment card number',
  email: 'an email address',
};

const SSN = /(?<!\d)\d{3}[- ]\d{2}[- ]\d{4}(?!\d)/;
/** Nine digits in a row are only an SSN (or taxpayer number) when the title says so. */
const NINE_DIGITS = /(?<![\d-])\d{9}(?![\d-])/;
const SSN_CONTEXT = /\b(ssn|ss#|ss no|soc\.? ?sec\.?|social security|tin|itin|taxpayer)/i;
const EIN = /(?<![\d-])\d{2}-\d{7}(?![\d-])/;
const DOB = /\bd\.?o\.?b\b|\bdate of birth\b|\bbirth ?date\b|\bborn (on )?\d/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
/** Card numbers as printed: 13 to 19 digits, run together or in groups of four (or Amex's 4-6-5). */
const CARD_CANDIDATES = /(?<![\d-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{5})(?![\d-])/g;

/** The Luhn checksum every payment card number satisfies (ISO/IEC 7812). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function looksLikeCard(candidate: string): boolean {
  const groups = candidate.split(/[ -]/);
  // "2016 2017 2018 2019" is a list of years, whatever its checksum says.
  if (groups.length > 1 && groups.every((group) => /^(19|20)\d\d$/.test(group) || group.length < 4)) return false;
  const digits = groups.join('');
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
  return luhnValid(digits);
}

/** The kinds of personal identifier a title seems to hold, in a fixed order; empty when none. */
export function findPersonalIdentifiers(title: string): IdentifierKind[] {
  const kinds: IdentifierKind[] = [];
  if (SSN.test(title) || (NINE_DIGITS.test(title) && SSN_CONTEXT.test(title))) kinds.push('ssn');
  if (EIN.test(title)) kinds.push('ein');
  if (DOB.test(title)) kinds.push('dob');
  if ([...title.matchAll(CARD_CANDIDATES)].some((match) => looksLikeCard(match[0]))) kinds.push('card');
  if (EMAIL.test(title)) kinds.push('email');
  return kinds;
}
