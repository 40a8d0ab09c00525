// What verifying a bag answers, as the API carries it: each problem names the file it is about, in words a records
// officer can act on.

export interface BagProblem {
  /** Path relative to the bag root, forward slashes ("data/manifest.json", "bag-info.txt"). */
  file?: string;
  message: string;
}

export interface BagInfoSummary {
  /** The BagIt-Version declared in bagit.txt ("" when there is none to read). */
  version: string;
  /** bag-info.txt elements in file order, repeats kept. */
  bagInfo: [string, string][];
  payloadFiles: number;
  payloadBytes: number;
}

export interface BagReport {
  valid: boolean;
  errors: BagProblem[];
  warnings: BagProblem[];
  info: BagInfoSummary;
}

/** A bag's report and, for a Transmittal package, the transfer number and manifest fingerprint that were checked. */
export interface PackageVerification extends BagReport {
  transmittal?: { transferNumber?: string; fingerprint?: string };
}
