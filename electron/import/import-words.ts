// How an import speaks of numbers, the same way in the history, the API's messages and the CLI.
import { count } from '../../shared/domain/words';

/** "1 folder", "1,234 folders". */
export { count };
