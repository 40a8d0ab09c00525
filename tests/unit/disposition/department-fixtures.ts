// A department catalog that sent three boxes (PW-1, PW-2 with its first folder on legal hold, PW-3) and the center's
// disposition notice and certificate built by hand from the frozen manifest, sealed as the center would seal them:
// the department's side is tested against the published formats, not against the center's code.
import type { Manifest } from '../../../shared/exchange/manifest';
import {
  DISPOSITION_CERTIFICATE_FORMAT,
  DISPOSITION_MEANING,
  DISPOSITION_NOTICE_FORMAT,
  type DispositionCertificate,
  type DispositionNotice,
  type DispositionResponse,
  type ProposedAction,
} from '../../../shared/exchange/disposition';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { frozenManifestJson } from '../../../electron/transfer/transfer-rows';
import { uploaded } from '../catalog/session-helpers';
import { sentCatalog, type ClockedSession, type SentCatalog } from '../retrieval/retrieval-fixtures';

export const ISSUED_AT = '2026-12-07T10:00:00.000Z';
export const RESPOND_BY = '2027-03-07';

export interface NoticedCatalog extends SentCatalog {
  manifest: Manifest;
  fingerprint: string;
}

/** The sent and acknowledged catalog, its clock on the day the notice is issued. */
export async function departmentCatalog(): Promise<NoticedCatalog> {
  const sent = await sentCatalog();
  const manifest = JSON.parse(frozenManifestJson(sent.t.context(), sent.transferId)!) as Manifest;
  const fingerprint = (await sent.t.call('transfers.get', { id: sent.transferId })).fingerprint!;
  sent.t.setNow(ISSUED_AT);
  return { ...sent, manifest, fingerprint };
}

export function seal<T extends { fingerprint: string }>(unsealed: Omit<T, 'fingerprint'>): T {
  return { ...unsealed, fingerprint: sealFingerprint(unsealed) } as T;
}

/** The center's notice for the boxes of these sequences (default all three; PW-3 is of a permanent series). */
export function noticeFor(
  catalog: NoticedCatalog,
  options: { sequences?: number[]; number?: string; department?: { name: string; code: string }; actions?: Record<number, ProposedAction> } = {},
): DispositionNotice {
  const { manifest, fingerprint } = catalog;
  const wanted = options.sequences ?? [1, 2, 3];
  const actions: Record<number, ProposedAction> = { 1: 'destroy', 2: 'secure-destroy', 3: 'transfer-to-archives', ...options.actions };
  return seal<DispositionNotice>({
    format: DISPOSITION_NOTICE_FORMAT,
    notice: { number: options.number ?? 'PW-DN-2026-0001', issuedAt: ISSUED_AT, period: { from: '2026-01-01', to: '2026-12-31' }, respondBy: RESPOND_BY, meaning: DISPOSITION_MEANING },
    department: options.department ?? { name: manifest.department.name, code: manifest.department.code },
    recordsCenter: { name: 'City Records Center', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example', noticeDays: 90 },
    boxes: manifest.boxes
      .filter((box) => wanted.includes(box.sequence))
      .map((box, index) => ({
        transferNumber: manifest.transfer.number,
        manifestFingerprint: fingerprint,
        accessionNumber: 'PW-2026-0042',
        boxSequence: box.sequence,
        boxId: box.boxId,
        boxLabel: box.label,
        centerBoxNumber: String(118 + index),
        dispositionDate: '2026-12-31',
        action: actions[box.sequence],
        confidential: actions[box.sequence] === 'secure-destroy',
        series: [{ itemNumber: 'GS 1010', title: 'Permits', retentionText: 'CY+3', citation: 'GS 1010' }],
        folders: box.folders.map((folder) => ({
          position: folder.position, title: folder.title, fileCode: folder.fileCode, beginDate: folder.beginDate, endDate: folder.endDate, itemNumber: folder.itemNumber,
        })),
      })),
  });
}

/** The center's certificate for these boxes of the notice (by label), resting on the department's response. */
export function certificateFor(
  notice: DispositionNotice,
  response: Pick<DispositionResponse, 'fingerprint' | 'signedBy' | 'respondedAt'>,
  labels: string[],
  options: { number?: string; at?: string } = {},
): DispositionCertificate {
  return seal<DispositionCertificate>({
    format: DISPOSITION_CERTIFICATE_FORMAT,
    certificate: { number: options.number ?? 'PW-CD-2027-0001', issuedAt: '2027-04-02T16:00:00.000Z' },
    notice: { number: notice.notice.number, fingerprint: notice.fingerprint },
    response: { fingerprint: response.fingerprint, signedBy: response.signedBy, respondedAt: response.respondedAt },
    department: notice.department,
    recordsCenter: { name: 'City Records Center', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example' },
    boxes: notice.boxes
      .filter((box) => labels.includes(box.boxLabel))
      .map(({ dispositionDate: _date, action, confidential: _confidential, series: _series, ...box }) => ({
        ...box,
        action: action === 'transfer-to-archives' ? ('transferred-to-archives' as const) : ('destroyed' as const),
        method: action === 'transfer-to-archives' ? 'transferred to the State Archives' : 'cross-cut shredding',
        at: options.at ?? '2027-04-02T14:00:00.000Z',
        witness: 'Sam Ortiz',
      })),
  });
}

export async function importFile(t: ClockedSession, json: unknown, name = 'file.json') {
  return t.call('disposition.import', { file: await uploaded(t, name, typeof json === 'string' ? json : JSON.stringify(json)) });
}

export async function importFails(t: ClockedSession, json: unknown, name = 'file.json') {
  return t.fail('disposition.import', { file: await uploaded(t, name, typeof json === 'string' ? json : JSON.stringify(json)) });
}

/** What a refused import must leave as it was: the catalog's change counter, its notices and its custody events. */
export function snapshot(t: ClockedSession) {
  const db = t.context().db;
  return {
    version: t.version(),
    notices: db.get<{ n: number }>('SELECT COUNT(*) AS n FROM disposition_notice')!.n,
    certificates: db.get<{ n: number }>('SELECT COUNT(*) AS n FROM disposition_certificate')!.n,
    answers: db.all('SELECT answer, executed FROM disposition_notice_box ORDER BY id'),
    events: db.get<{ n: number }>('SELECT COUNT(*) AS n FROM custody_event')!.n,
  };
}
