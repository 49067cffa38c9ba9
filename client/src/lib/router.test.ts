import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './router';

describe('routes', () => {
  it('reads the known pages and falls back to the board', () => {
    expect(parseRoute('/')).toEqual({ name: 'board' });
    expect(parseRoute('/admin')).toEqual({ name: 'admin' });
    expect(parseRoute('/audit/')).toEqual({ name: 'audit' });
    expect(parseRoute('/account')).toEqual({ name: 'account' });
    expect(parseRoute('/nirgendwo')).toEqual({ name: 'board' });
  });

  it('takes the invitation token from the path and builds the same path back', () => {
    const route = parseRoute('/invite/abc_DEF-123');
    expect(route).toEqual({ name: 'invite', token: 'abc_DEF-123' });
    expect(routePath(route)).toBe('/invite/abc_DEF-123');
    expect(routePath({ name: 'board' })).toBe('/');
  });

  it('reads a position from its path and builds the same path back; the list has its own', () => {
    const route = parseRoute('/positions/7d1f3c1e-0000-4000-8000-000000000001');
    expect(route).toEqual({ name: 'position', positionId: '7d1f3c1e-0000-4000-8000-000000000001' });
    expect(routePath(route)).toBe('/positions/7d1f3c1e-0000-4000-8000-000000000001');
    expect(parseRoute('/positions/')).toEqual({ name: 'positions' });
    expect(routePath({ name: 'positions' })).toBe('/positions');
  });

  it('reads a session from its path and builds the same path back; the list has its own', () => {
    const route = parseRoute('/sessions/7d1f3c1e-0000-4000-8000-000000000002');
    expect(route).toEqual({ name: 'session', sessionId: '7d1f3c1e-0000-4000-8000-000000000002' });
    expect(routePath(route)).toBe('/sessions/7d1f3c1e-0000-4000-8000-000000000002');
    expect(parseRoute('/sessions')).toEqual({ name: 'sessions' });
    expect(routePath({ name: 'sessions' })).toBe('/sessions');
  });
});
