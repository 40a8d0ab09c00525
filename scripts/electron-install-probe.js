// Loaded into the electron package's own installer (`node --import` this file `install.js`) by electron-binary.js.
// It reports, as JSON lines on the file descriptor named by TRANSMITTAL_INSTALL_REPORT_FD, each download's progress
// and why it failed, with its address: the installer itself prints only "TypeError: fetch failed", without the host it
// could not reach, and its own progress bar appears only after 30 seconds and only on a terminal.
import { writeSync } from 'node:fs';
import { format } from 'node:util';

const reportFd = Number(process.env.TRANSMITTAL_INSTALL_REPORT_FD);
const PROGRESS_INTERVAL_MS = 250;

function report(event) {
  if (!Number.isInteger(reportFd) || reportFd < 3) return;
  try {
    writeSync(reportFd, `${JSON.stringify(event)}\n`);
  } catch {
    // The reader has gone away: the installer must still run to its end.
  }
}

/** "fetch failed: getaddrinfo ENOTFOUND github.com": an error and its causes, which Node's fetch nests. */
function describeError(error) {
  const parts = [];
  for (let current = error; current && parts.length < 4; current = current.cause) {
    // A connection refused on every address of a host is an AggregateError with an empty message.
    const nested = Array.isArray(current.errors) ? current.errors.map((each) => each?.message).filter(Boolean) : [];
    const text = current.message || nested.join('; ') || current.code;
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(': ');
}

/** The response's body, counted as the installer reads it; piped only when read, so other uses of it still work. */
function countBody(response, url, total) {
  const body = response.body;
  if (!body) return;
  let counted = null;
  Object.defineProperty(response, 'body', {
    configurable: true,
    get() {
      if (counted) return counted;
      let transferred = 0;
      let reportedAt = 0;
      counted = body.pipeThrough(
        new TransformStream({
          transform(chunk, controller) {
            transferred += chunk.byteLength;
            const now = Date.now();
            if (now - reportedAt >= PROGRESS_INTERVAL_MS) {
              reportedAt = now;
              report({ event: 'progress', url, transferred, total });
            }
            controller.enqueue(chunk);
          },
          flush() {
            report({ event: 'progress', url, transferred, total, done: true });
          },
        }),
      );
      return counted;
    },
  });
}

const originalFetch = globalThis.fetch;
globalThis.fetch = async function reportedFetch(resource, options) {
  const url = resource instanceof Request ? resource.url : String(resource);
  let response;
  try {
    response = await originalFetch(resource, options);
  } catch (error) {
    report({ event: 'failed', url, message: describeError(error) });
    throw error;
  }
  if (!response.ok) {
    report({ event: 'failed', url, status: response.status, message: `${response.status} ${response.statusText}`.trim() });
    return response;
  }
  countBody(response, url, Number(response.headers.get('content-length')) || null);
  return response;
};

// The installer prints its failure with console.error(error.stack); keep its first line, the message.
const consoleError = console.error;
console.error = (...args) => {
  report({ event: 'error', message: format(...args).split('\n')[0] });
  consoleError.apply(console, args);
};
process.on('uncaughtExceptionMonitor', (error) => report({ event: 'error', message: describeError(error) }));
