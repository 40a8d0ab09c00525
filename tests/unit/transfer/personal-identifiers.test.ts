// Titles that look like they hold a personal identifier, and the ordinary titles that must not raise the alarm.
import { describe, expect, it } from 'vitest';
import { findPersonalIdentifiers, luhnValid, type IdentifierKind } from '../../../shared/transfer/personal-identifiers';
import { isVagueTitle } from '../../../shared/transfer/vague-titles';

const flagged: [string, IdentifierKind[]][] = [
  ['Smith, John 123-45-6789', ['ssn']],
  ['Smith, John SSN 123 45 6789', ['ssn']],
  ['Payroll corrections, SSN 123456789', ['ssn']],
  ['Social security no. 078051120 Garcia', ['ssn']],
  ['Vendor W-9, EIN 12-3456789', ['ein']],
  ['Garcia, M. DOB 1961-04-02', ['dob']],
  ['Personnel file, D.O.B. 4/2/61', ['dob']],
  ['Date of birth corrections', ['dob']],
  ['Refund to card 4111 1111 1111 1111', ['card']],
  ['Refund to card 4111-1111-1111-1111', ['card']],
  ['Card 378282246310005 disputed', ['card']],
  ['Complaint from jane.doe@example.org', ['email']],
  ['Employee 123-45-6789, jane@city.gov', ['ssn', 'email']],
];

const ordinary = [
  'Building permits 2019',
  'Oak Street permits BP-2019-0412',
  'Minutes 2019-03-15',
  'Case 2019-12345',
  'Invoice 123456789',
  'Budget 2016 2017 2018 2019',
  'Phone log 555-867-5309',
  'Dobson, R. personnel file',
  'Card catalog 1985–1990',
  'Account 4111 1111 1111 1112',
  'Grant 1234567890123',
  'Meeting @ city hall',
];

describe('personal identifiers in titles', () => {
  it.each(flagged)('flags "%s"', (title, kinds) => {
    expect(findPersonalIdentifiers(title)).toEqual(kinds);
  });

  it.each(ordinary)('leaves "%s" alone', (title) => {
    expect(findPersonalIdentifiers(title)).toEqual([]);
  });

  it('checks card numbers with the Luhn sum', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
  });
});

describe('vague titles', () => {
  const vague = [
    'Miscellaneous', 'Misc.', 'misc', 'MISC 2019', 'Miscellaneous correspondence', 'General', 'Stuff', "Bob's files",
    'Bob’s files', "James' papers", 'Various', 'Various reports', 'Old files', 'To be sorted', 'To sort', 'Unsorted',
    'Box 12', '2019', 'FY2019', '—', 'Documents', 'Other',
  ];
  const specific = [
    'General ledger 2019', 'General correspondence', 'Building permits', 'Tax files', 'Personnel file: Garcia, M.',
    'Minutes of the Planning Board', 'Sorting machine maintenance', 'Bob Smith grievance',
  ];
  it.each(vague)('calls "%s" vague', (title) => expect(isVagueTitle(title)).toBe(true));
  it.each(specific)('accepts "%s"', (title) => expect(isVagueTitle(title)).toBe(false));
});
