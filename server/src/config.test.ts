import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('configuration', () => {
  it('listens on loopback by default and keeps the demo private', () => {
    const config = readConfig({});
    expect([config.host, config.demoPublic, config.trustProxy]).toEqual(['127.0.0.1', false, false]);
    expect(config.sessionIdleMs).toBe(12 * 3_600_000);
    expect(config.passwordGate).toEqual({ maxConcurrent: 2, maxWaiting: 8 });
  });

  it('compacts a document after 500 stored updates unless DOC_COMPACT_AFTER_UPDATES says otherwise (Y11)', () => {
    expect(readConfig({}).docCompactAfterUpdates).toBe(500);
    expect(readConfig({ DOC_COMPACT_AFTER_UPDATES: '50' }).docCompactAfterUpdates).toBe(50);
    expect(() => readConfig({ DOC_COMPACT_AFTER_UPDATES: '0' })).toThrow(/DOC_COMPACT_AFTER_UPDATES/);
  });

  it.each([
    ['false', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, 2001:db8::/32, 192.0.2.7', ['loopback', '10.0.0.0/8', '2001:db8::/32', '192.0.2.7']],
  ])('TRUST_PROXY=%s is read as %j', (value, expected) => {
    expect(readConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'everyone', '10.0.0.0/33', '300.1.1.1', '-1'])('TRUST_PROXY=%s stops start-up with a message naming it', (value) => {
    expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it('AUDIT_KEY_FILE defaults to audit.key in DATA_DIR and may point anywhere else', () => {
    expect(readConfig({ DATA_DIR: '/srv/verbund' }).auditKeyFile).toBe(join('/srv/verbund', 'audit.key'));
    expect(readConfig({}).auditKeyFile).toBe(resolve('data', 'audit.key'));
    expect(readConfig({ DATA_DIR: '/srv/verbund', AUDIT_KEY_FILE: '/run/secrets/verbund-audit.key' }).auditKeyFile).toBe('/run/secrets/verbund-audit.key');
    expect(() => readConfig({ AUDIT_KEY_FILE: '' })).toThrow(/AUDIT_KEY_FILE/);
  });

  it('a wrong number names the variable', () => {
    expect(() => readConfig({ SESSION_IDLE_HOURS: 'lang' })).toThrow(/SESSION_IDLE_HOURS/);
    expect(() => readConfig({ MAX_CONCURRENT_HASHES: '0' })).toThrow(/MAX_CONCURRENT_HASHES/);
  });
});
