import type { Storage } from './port.js';

export function openMongoStorage(_uri: string): Promise<Storage> {
  return Promise.reject(new Error('MongoDB storage is being written'));
}
