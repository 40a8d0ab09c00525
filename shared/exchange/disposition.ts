// Disposition without fear: the exchange files between a records center and a department, and legal holds.
//
// - "transmittal-disposition-notice/1" (center → department): the boxes whose disposition date falls in a period,
//   each as the department knows it (its labels, titles, dates, schedule item and citation) with the action the
//   center proposes, and the day the department's answer is due (the center's stated notice period).
// - "transmittal-disposition-response/1" (department → center): an answer for each box (approve, refuse with a
//   reason and a new review date, or ask for more time), signed by name and title. Only an approval lets a box go;
//   a box with no answer is never approved.
// - "transmittal-disposition-certificate/1" (center → department): what was destroyed or transferred to the archives,
//   box by box and folder by folder, how, when and witnessed by whom, and the approval each rests on.
// - "transmittal-legal-hold/1" (department → center): a legal hold placed (or lifted) by the department, naming every
//   box and folder it covers the way the center knows them; the center takes it in and its holds follow.
// - "transmittal-legal-hold-acknowledgment/1" (center → department): the center's word that it took a hold file in,
//   naming that file by its seal, and what it now holds under it (or that it released it, for a lifted hold).
//
// Every file is sealed like the retrieval files: `fingerprint` is the SHA-256 of the RFC 8785 canonical form of the
// file without its `fingerprint` member (electron/exchange/fingerprint.ts sealFingerprint). A response and a
// certificate name the notice they answer by its seal.
import { z } from 'zod';

export const DISPOSITION_NOTICE_FORMAT = 'transmittal-disposition-notice/1';
export const DISPOSITION_RESPONSE_FORMAT = 'transmittal-disposition-response/1';
export const DISPOSITION_CERTIFICATE_FORMAT = 'transmittal-disposition-certificate/1';
export const LEGAL_HOLD_FORMAT = 'transmittal-legal-hold/1';
export const LEGAL_HOLD_ACKNOWLEDGMENT_FORMAT = 'transmittal-legal-hold-acknowledgment/1';

const timestamp = z.iso.datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lowercase SHA-256 in hex');

/** What the center proposes to do with a box: confidential boxes are securely destroyed (shredded or pulped under witness). */
export const dispositionActions = ['destroy', 'secure-destroy', 'transfer-to-archives'] as const;
export type ProposedAction = (typeof dispositionActions)[number];

export const dispositionActionWords: Record<ProposedAction, string> = {
  destroy: 'Destroy',
  'secure-destroy': 'Destroy securely (confidential)',
  'transfer-to-archives': 'Transfer to the archives (kept permanently)',
};

/** What disposition means, printed on the notice: the same plain words on both sides. */
export const DISPOSITION_MEANING =
  'Disposition is the last step the retention schedule sets for records: when their retention period has ended, records of ' +
  'temporary value are destroyed, and records of lasting value are transferred to the archives, where they are kept permanently. ' +
  'Nothing listed here is destroyed or moved unless your department approves it in writing. If you do not answer, nothing happens: ' +
  'the records center keeps the boxes and asks again. A box under a legal hold is never destroyed.';

export const dispositionAnswers = ['approve', 'refuse', 'extend'] as const;
export type DispositionAnswer = (typeof dispositionAnswers)[number];

const noticeFolder = z.strictObject({
  position: z.number().int().min(1),
  title: z.string(),
  fileCode: z.string(),
  beginDate: z.string(),
  endDate: z.string(),
  itemNumber: z.string().nullable(),
});

/** A box as both sides know it: the department's transfer and box id, and the center's numbers. */
const boxReference = {
  transferNumber: z.string().min(1),
  manifestFingerprint: fingerprint,
  accessionNumber: z.string().min(1),
  boxSequence: z.number().int().min(1),
  /** The box id printed as the label's barcode. */
  boxId: z.string().min(1),
  /** The department's own label, as sent. */
  boxLabel: z.string(),
  centerBoxNumber: z.string().nullable(),
};

export const dispositionNoticeSchema = z
  .strictObject({
    format: z.literal(DISPOSITION_NOTICE_FORMAT),
    notice: z.strictObject({
      /** The center's number for the notice, e.g. "PW-DN-2026-0003". */
      number: z.string().min(1),
      issuedAt: timestamp,
      /** The boxes whose disposition date falls from `from` to `to`. */
      period: z.strictObject({ from: isoDate, to: isoDate }),
      /** The day the answer is due: the center's stated notice period after the notice. */
      respondBy: isoDate,
      /** What disposition means, in plain words (DISPOSITION_MEANING). */
      meaning: z.string().min(1),
    }),
    department: z.strictObject({ name: z.string().min(1), code: z.string() }),
    recordsCenter: z.strictObject({
      name: z.string().min(1),
      contactName: z.string(),
      contactPhone: z.string(),
      contactEmail: z.string(),
      noticeDays: z.number().int().min(0),
    }),
    boxes: z
      .array(
        z.strictObject({
          ...boxReference,
          dispositionDate: isoDate,
          action: z.enum(dispositionActions),
          confidential: z.boolean(),
          /** The schedule items its folders are kept under, with the authority each cites. */
          series: z.array(z.strictObject({ itemNumber: z.string(), title: z.string(), retentionText: z.string(), citation: z.string() })),
          folders: z.array(noticeFolder),
        }),
      )
      .min(1),
    fingerprint,
  })
  .meta({
    title: 'Transmittal disposition notice, format 1',
    description:
      'The boxes a records center proposes to destroy or transfer to the archives, listed as the department knows them, and the day an answer is due. ' +
      'Nothing is done without the department\u2019s written approval. `fingerprint` is the SHA-256 of the RFC 8785 canonical form of the file without it.',
  });
export type DispositionNotice = z.infer<typeof dispositionNoticeSchema>;
export type NoticeBox = DispositionNotice['boxes'][number];

export const dispositionResponseSchema = z
  .strictObject({
    format: z.literal(DISPOSITION_RESPONSE_FORMAT),
    notice: z.strictObject({ number: z.string().min(1), fingerprint }),
    department: z.strictObject({ name: z.string().min(1), code: z.string() }),
    respondedAt: timestamp,
    /** Who signs the answer for the department. */
    signedBy: z.strictObject({ name: z.string().min(1), title: z.string().min(1) }),
    answers: z
      .array(
        z.strictObject({
          boxId: z.string().min(1),
          answer: z.enum(dispositionAnswers),
          /** Why (required to refuse or to ask for more time). */
          reason: z.string(),
          /** Refused: when to review the box again. */
          reviewDate: isoDate.nullable(),
          /** More time: until when the center should wait before asking again. */
          extendTo: isoDate.nullable(),
        }),
      )
      .min(1),
    fingerprint,
  })
  .meta({
    title: 'Transmittal disposition response, format 1',
    description:
      'A department\u2019s signed answer to a disposition notice, box by box: approve, refuse with a reason and a review date, or ask for more time. ' +
      'A box without an approval is never destroyed. `fingerprint` is the SHA-256 of the RFC 8785 canonical form of the file without it.',
  });
export type DispositionResponse = z.infer<typeof dispositionResponseSchema>;

export const executedActions = ['destroyed', 'transferred-to-archives'] as const;
export type ExecutedAction = (typeof executedActions)[number];

export const dispositionCertificateSchema = z
  .strictObject({
    format: z.literal(DISPOSITION_CERTIFICATE_FORMAT),
    certificate: z.strictObject({ number: z.string().min(1), issuedAt: timestamp }),
    notice: z.strictObject({ number: z.string().min(1), fingerprint }),
    /** The signed response the approvals come from. */
    response: z.strictObject({ fingerprint, signedBy: z.strictObject({ name: z.string(), title: z.string() }), respondedAt: timestamp }),
    department: z.strictObject({ name: z.string().min(1), code: z.string() }),
    recordsCenter: z.strictObject({ name: z.string().min(1), contactName: z.string(), contactPhone: z.string(), contactEmail: z.string() }),
    boxes: z
      .array(
        z.strictObject({
          ...boxReference,
          action: z.enum(executedActions),
          /** How: "cross-cut shredding", "pulping", "transferred to the State Archives" … */
          method: z.string().min(1),
          at: timestamp,
          witness: z.string(),
          folders: z.array(noticeFolder),
        }),
      )
      .min(1),
    fingerprint,
  })
  .meta({
    title: 'Transmittal certificate of destruction or transfer, format 1',
    description:
      'What a records center destroyed or transferred to the archives, box by box and folder by folder, with how, when, the witness and the signed approval ' +
      'it rests on. `fingerprint` is the SHA-256 of the RFC 8785 canonical form of the file without it.',
  });
export type DispositionCertificate = z.infer<typeof dispositionCertificateSchema>;

/** What a hold covers, as it was asked for: any of these (a folder is covered when any part matches). */
export const holdScopeSchema = z
  .strictObject({
    itemNumbers: z.array(z.string().trim().min(1).max(60)).max(200).default([]),
    dateFrom: isoDate.nullable().default(null),
    dateTo: isoDate.nullable().default(null),
    boxIds: z.array(z.number().int().positive()).max(100_000).default([]),
    folderIds: z.array(z.number().int().positive()).max(100_000).default([]),
    /** Words that must all appear in a folder's title (the catalog's word search). */
    words: z.string().trim().max(200).default(''),
  });
export type HoldScope = z.output<typeof holdScopeSchema>;

export const legalHoldFileSchema = z
  .strictObject({
    format: z.literal(LEGAL_HOLD_FORMAT),
    hold: z.strictObject({
      /** The department's number for the hold, e.g. "PW-LH-2026-0002". */
      number: z.string().min(1),
      name: z.string().min(1),
      /** The matter: the lawsuit, audit or records request it is for. */
      matter: z.string(),
      requestedBy: z.string(),
      placedAt: timestamp,
      /** Set when the department lifted the hold, with its reason. */
      liftedAt: timestamp.nullable(),
      liftReason: z.string(),
    }),
    department: z.strictObject({ name: z.string().min(1), code: z.string() }),
    /** Every box and folder at the center the hold covers, the way the center knows them. */
    items: z.array(
      z.strictObject({
        transferNumber: z.string().min(1),
        manifestFingerprint: fingerprint,
        boxSequence: z.number().int().min(1),
        boxId: z.string().min(1),
        boxLabel: z.string(),
        /** A folder of the box, or null for the whole box. */
        folderPosition: z.number().int().min(1).nullable(),
      }),
    ),
    fingerprint,
  })
  .meta({
    title: 'Transmittal legal hold, format 1',
    description:
      'A legal hold placed or lifted by a department, listing every box and folder at the records center it covers. A held record is never put on a ' +
      'disposition notice nor destroyed. `fingerprint` is the SHA-256 of the RFC 8785 canonical form of the file without it.',
  });
export type LegalHoldFile = z.infer<typeof legalHoldFileSchema>;

export const legalHoldAcknowledgmentSchema = z
  .strictObject({
    format: z.literal(LEGAL_HOLD_ACKNOWLEDGMENT_FORMAT),
    hold: z.strictObject({
      /** The department's number for the hold, as in its file. */
      number: z.string().min(1),
      name: z.string().min(1),
      /** The seal of the department's hold file the center took in last. */
      holdFingerprint: fingerprint,
      /** In force at the center, or lifted there (every box and folder released unless another hold keeps it). */
      state: z.enum(['in-force', 'lifted']),
      liftedAt: timestamp.nullable(),
    }),
    department: z.strictObject({ name: z.string().min(1), code: z.string() }),
    recordsCenter: z.strictObject({ name: z.string().min(1), contactName: z.string(), contactPhone: z.string(), contactEmail: z.string() }),
    /** The number the center keeps the hold under (the department's own, or with the department's name when taken). */
    centerNumber: z.string().min(1),
    takenInAt: timestamp,
    takenInBy: z.string(),
    /** Every box and folder the hold covers at the center, with where the center keeps it. */
    items: z.array(
      z.strictObject({
        transferNumber: z.string().min(1),
        manifestFingerprint: fingerprint,
        boxId: z.string().min(1),
        boxLabel: z.string(),
        /** A folder of the box, or null for the whole box. */
        folderPosition: z.number().int().min(1).nullable(),
        accessionNumber: z.string().min(1),
        centerBoxNumber: z.string().nullable(),
      }),
    ),
    fingerprint,
  })
  .meta({
    title: 'Transmittal legal hold acknowledgment, format 1',
    description:
      'A records center acknowledges a department\'s legal hold file (named by its fingerprint): the hold is in force there over every box and folder ' +
      'listed, or lifted. `fingerprint` is the SHA-256 of the RFC 8785 canonical form of the file without it.',
  });
export type LegalHoldAcknowledgment = z.infer<typeof legalHoldAcknowledgmentSchema>;

/** Paperwork is kept this many years after the records it concerns were destroyed, unless the catalog says otherwise. */
export const DEFAULT_PAPERWORK_YEARS = 6;
