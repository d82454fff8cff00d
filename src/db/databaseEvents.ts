import { getDatabase } from './instance.ts';

export type DatabaseProblem = 'versionchange' | 'blocked';

/**
 * Reports when another tab upgrades the database (this tab's connection is then closed) or
 * when this tab's upgrade waits for another tab. Returns an unsubscribe function.
 */
export function onDatabaseProblem(listener: (problem: DatabaseProblem) => void): () => void {
  const db = getDatabase();
  // Dexie's default then closes this connection so the other tab's upgrade can proceed.
  const onVersionChange = () => listener('versionchange');
  const onBlocked = () => listener('blocked');
  db.on('versionchange', onVersionChange);
  db.on('blocked', onBlocked);
  return () => {
    db.on('versionchange').unsubscribe(onVersionChange);
    db.on('blocked').unsubscribe(onBlocked);
  };
}
