// What verifying a bag answers: each problem names the file it is about, in words a records officer can act on.

import type { BagInfoSummary, BagProblem, BagReport } from '../../../shared/exchange/bag-report';

export type { BagInfoSummary, BagProblem, BagReport };

/** Collects errors and warnings while the checks run; the report lists them by file, then in the order found. */
export class Findings {
  readonly errors: BagProblem[] = [];
  readonly warnings: BagProblem[] = [];

  error(file: string | undefined, message: string): void {
    this.errors.push(file === undefined ? { message } : { file, message });
  }

  warn(file: string | undefined, message: string): void {
    this.warnings.push(file === undefined ? { message } : { file, message });
  }

  report(info: BagInfoSummary): BagReport {
    return { valid: this.errors.length === 0, errors: sortByFile(this.errors), warnings: sortByFile(this.warnings), info };
  }
}

function sortByFile(problems: BagProblem[]): BagProblem[] {
  // A stable sort keeps the order found within one file; problems about the whole bag come first.
  return [...problems].sort((a, b) => {
    const fileA = a.file ?? '';
    const fileB = b.file ?? '';
    return fileA < fileB ? -1 : fileA > fileB ? 1 : 0;
  });
}
