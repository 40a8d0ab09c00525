// Who is at the keyboard: the operating-system account name, recorded in every change and named in every lock.
import { userInfo } from 'node:os';
import { UNKNOWN_ACTOR } from '../../shared/domain/words';

/** History and locks need a name even where the account has none (some containers). */
export function currentActor(): string {
  try {
    return userInfo().username || UNKNOWN_ACTOR;
  } catch {
    return process.env.USER || process.env.USERNAME || UNKNOWN_ACTOR;
  }
}
