// Version 4: a catalog knows its role. Every catalog made before this version was a department's own, so that is
// what they become; a records center's holdings catalog is made as one from the start.
import type { Database } from '../database';

export function up(db: Database): void {
  db.run("INSERT INTO meta (key, value) VALUES ('role', 'department') ON CONFLICT (key) DO NOTHING");
}
