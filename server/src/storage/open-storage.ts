import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Storage } from './port.js';
import type { WriterOptions } from './sqlite-append-worker.js';
import { openSqliteStorage } from './sqlite-storage.js';

/** SQLite under DATA_DIR by default; MongoDB when MONGODB_URI is set. */
export async function openStorage(config: Pick<Config, 'dataDir' | 'mongodbUri'>, options: WriterOptions = {}): Promise<Storage> {
  if (config.mongodbUri) {
    const { openMongoStorage } = await import('./mongo-storage.js');
    return openMongoStorage(config.mongodbUri);
  }
  return openSqliteStorage(join(config.dataDir, 'verbund.sqlite'), options);
}
