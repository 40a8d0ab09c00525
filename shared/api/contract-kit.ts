// Small pieces every part of the API contract uses.
import { z } from 'zod';

/** A phantom value carrying a call's result type. */
export const result = <T>() => undefined as unknown as T;
export const id = z.number().int().positive();
export const none = z.object({}).strict();

/** The two kinds of catalog: a department's own, and a records center's holdings. */
export const ROLES = ['department', 'records-center'] as const;
export type Role = (typeof ROLES)[number];
export const DEPARTMENT = ['department'] as const satisfies readonly Role[];

/**
 * What a call does, declared beside its input: it only reads, or it changes something. A change of the catalog is
 * undoable unless `notUndoable` says why not; `session` marks a change of what is open (open, close, save), not
 * of the catalog's records. Transports decide refreshes from this, and the session refuses a call the open
 * catalog's role does not offer.
 */
export interface CallTag {
  kind: 'reads' | 'changes';
  roles: readonly Role[];
  notUndoable?: string;
  /** A change of files outside the catalog (a package written): the catalog itself is not changed. */
  outsideCatalog?: true;
  session?: true;
}

export const reads = (roles: readonly Role[] = ROLES) => ({ kind: 'reads', roles }) as const satisfies CallTag;
export const changes = (roles: readonly Role[] = ROLES, options: { notUndoable?: string; outsideCatalog?: true } = {}) =>
  ({ kind: 'changes', roles, ...options }) as const satisfies CallTag;
export const changesSession = () => ({ kind: 'changes', roles: ROLES, session: true }) as const satisfies CallTag;
