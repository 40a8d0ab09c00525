// Retention and disposition texts as schedules print them, read for import.
import { describe, expect, it } from 'vitest';
import { describeRule } from '../../../shared/schedule/disposition';
import { readDispositionText, readRetentionText } from '../../../shared/schedule/retention-text';
import { retentionRuleSchema } from '../../../shared/domain/types';

describe('readRetentionText', () => {
  it.each([
    ['3 years', 'CY+3'],
    ['Retain 3 years', 'CY+3'],
    ['3 yrs.', 'CY+3'],
    ['Three years', 'CY+3'],
    ['1 year', 'CY+1'],
    ['3', 'CY+3'],
    ['6 months', 'CY+6 months'],
    ['CY+3', 'CY+3'],
    ['cy + 3 years', 'CY+3'],
    ['FY + 6', 'FY+6'],
    ['FY+6 then destroy', 'FY+6'],
    ['CY+3, then destroy', 'CY+3'],
    ['Current year + 3', 'CY+3'],
    ['End of FY + 6', 'FY+6'],
    ['6 years after end of fiscal year', 'FY+6'],
    ['3 years from close of calendar year', 'CY+3'],
    ['6 years after case closed', '6 years after case closed'],
    ['Six years after employee separated', '6 years after employee separated'],
    ['Until superseded', 'Until superseded'],
    ['Until superseded, then destroy', 'Until superseded'],
    ['Superseded + 2 years', 'Superseded + 2 years'],
    ['Permanent', 'Permanent'],
    ['Permanent (transfer to archives)', 'Permanent'],
    ['Retain permanently', 'Permanent'],
    ['AV', 'Until no longer of administrative value'],
    ['A.V.', 'Until no longer of administrative value'],
    ['Administrative value', 'Until no longer of administrative value'],
    ['Until no longer of administrative value', 'Until no longer of administrative value'],
    ['AV, then destroy', 'Until no longer of administrative value'],
    ['Until no longer needed', 'Until no longer needed'],
    ['18 months', 'CY+1 year 6 months'],
    ['Superseded plus 2 years', 'Superseded + 2 years'],
    ['CY plus 3', 'CY+3'],
    ['Destroy after 3 years', 'CY+3'],
    ['Termination + 5 years', '5 years after termination'],
    ['Close + 3', '3 years after close'],
  ])('reads %j as %s', (text, described) => {
    const rule = readRetentionText(text);
    expect(rule).not.toBeNull();
    expect(retentionRuleSchema.safeParse(rule).success).toBe(true);
    expect(describeRule(rule!)).toBe(described);
  });

  it.each(['', 'ask Bob', 'Life of building', 'CY+', '500 years', 'FY+1000', 'Until the heat death of the universe', 'Destroy', 'Audit + 900 years'])('leaves %j for a person', (text) => {
    expect(readRetentionText(text)).toBeNull();
  });
});

describe('readDispositionText', () => {
  it.each([
    ['Destroy', 'destroy'],
    ['destroy.', 'destroy'],
    ['Shred', 'destroy'],
    ['Secure destruction', 'destroy'],
    ['Recycle', 'destroy'],
    ['Destroy after audit', 'destroy'],
    ['D', 'destroy'],
    ['Transfer to State Archives', 'archives'],
    ['Archival', 'archives'],
    ['Archives', 'archives'],
    ['Permanent', 'archives'],
    ['Offer to university archives', 'archives'],
    ['Review', 'review'],
    ['Review for historical value', 'review'],
    ['Appraise', 'review'],
  ])('reads %j as %s', (text, action) => {
    expect(readDispositionText(text)).toBe(action);
  });

  it.each(['', 'Keep somewhere', 'ask Bob'])('reads %j as nothing', (text) => {
    expect(readDispositionText(text)).toBeNull();
  });
});
