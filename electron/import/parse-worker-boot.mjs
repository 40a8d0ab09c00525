// Starts the parse worker from its TypeScript source (the CLI, the web shell and tests run the sources through
// tsx): module hooks registered in the main thread do not reach a worker thread in Node 20, so register them here.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./parse-worker.ts', import.meta.url).href);
