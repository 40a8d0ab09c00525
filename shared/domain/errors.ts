// Domain errors are values: a code for machines, a message for people, details naming where it went wrong.
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'no-catalog-open'
  | 'catalog-conflict'
  | 'catalog-locked'
  | 'catalog-read-only'
  | 'save-failed'
  | 'unsaved-changes'
  /** The machine could not do the work (a full disk, a failing drive): says nothing about the input. */
  | 'io-failed'
  | 'catalog-too-new'
  | 'catalog-corrupt'
  | 'file-exists'
  | 'file-not-found'
  | 'cancelled'
  | 'nothing-to-undo'
  | 'forbidden'
  | 'internal';

export interface ErrorDetails {
  /** Field path as the user sees it ("folders.3.endDate"). */
  field?: string;
  row?: number;
  file?: string;
  [key: string]: unknown;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppErrorShape).code === 'string' &&
    typeof (value as AppErrorShape).message === 'string'
  );
}

/** Any thrown value as the shape every transport sends: unknown errors never leak stack traces to the user. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toJSON();
  if (isAppErrorShape(error)) return { code: error.code, message: error.message, details: error.details };
  return { code: 'internal', message: 'Something went wrong inside Transmittal. Your saved catalog is unchanged.' };
}
