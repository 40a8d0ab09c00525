// Types for electron-binary.js (a plain script, run by node without a build step).
import type { ChildProcess } from 'node:child_process';

export interface ElectronPackage {
  dir: string;
  version: string;
}

/** Why there is no Electron binary, and what a person can do about it (both lower-case, without a full stop). */
export interface MissingBinary {
  reason: string;
  remedy: string;
}

export interface DownloadProgress {
  file: string;
  transferred: number;
  total: number | null;
  done: boolean;
}

export type EnsuredBinary = { binary: string } | ({ binary: null; stoppedBy?: NodeJS.Signals } & MissingBinary);

export function findElectronPackage(from?: string): ElectronPackage | null;
export function findElectronBinary(electronPackage: ElectronPackage | null, env?: NodeJS.ProcessEnv): string | null;
export function skipsDownload(env: NodeJS.ProcessEnv): boolean;
export function installCommand(electronPackage: ElectronPackage, cwd?: string): string;
export function missingBinaryReason(electronPackage: ElectronPackage | null, env?: NodeJS.ProcessEnv, cwd?: string): MissingBinary;
export function progressText(progress: Pick<DownloadProgress, 'file' | 'transferred' | 'total'>): string;
export function ensureElectronBinary(options: {
  electronPackage: ElectronPackage | null;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  installerOutput?: 'inherit' | 'ignore';
  say?: (text: string) => void;
  onProgress?: (progress: DownloadProgress) => void;
  onSpawn?: (installer: ChildProcess) => void;
}): Promise<EnsuredBinary>;
