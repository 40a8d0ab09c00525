// The `transmittal` command run in this process (no spawned Node): its exit code and what it printed. Each run opens
// its own session, as a real run does; autosave is left to the command's close.
import { runCli } from '../../../electron/cli/program';
import { createSession, type SessionOptions } from '../../../electron/session/session';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cliInProcess(argv: string[], sessionOptions: Partial<SessionOptions> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    output: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
    openSession: (options) => createSession({ ...options, autosaveDelayMs: 60_000, ...sessionOptions }),
  });
  return { code, stdout, stderr };
}

/** `cli('init', …)`: the same, with the arguments spread. */
export const cli = (...argv: string[]): Promise<CliRun> => cliInProcess(argv);
