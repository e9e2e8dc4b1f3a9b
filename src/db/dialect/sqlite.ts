import type { SqlDialect } from './dialect.js';
import { sqliteTryExclusiveLock } from './sqlite-exclusive.js';
import { sqliteWithoutWaitingForLocks } from './sqlite-locks.js';
import { sqliteWriteTransaction } from './sqlite-transaction.js';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  writeTransaction: sqliteWriteTransaction,
  withoutWaitingForLocks: sqliteWithoutWaitingForLocks,
  tryExclusiveLock: sqliteTryExclusiveLock,
};
