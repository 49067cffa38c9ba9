import { useSyncExternalStore, type MouseEvent } from 'react';

/** The pages of the app; anything unknown is the board, so an old bookmark still lands somewhere useful. */
export type Route =
  | { name: 'board' }
  | { name: 'admin' }
  | { name: 'audit' }
  | { name: 'account' }
  | { name: 'votes' }
  | { name: 'decisions' }
  | { name: 'positions' }
  | { name: 'position'; positionId: string }
  | { name: 'sessions' }
  | { name: 'session'; sessionId: string }
  | { name: 'invite'; token: string };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const invite = /^\/invite\/([^/]+)$/.exec(path);
  if (invite?.[1]) return { name: 'invite', token: decodeURIComponent(invite[1]) };
  const position = /^\/positions\/([^/]+)$/.exec(path);
  if (position?.[1]) return { name: 'position', positionId: decodeURIComponent(position[1]) };
  if (path === '/positions') return { name: 'positions' };
  const session = /^\/sessions\/([^/]+)$/.exec(path);
  if (session?.[1]) return { name: 'session', sessionId: decodeURIComponent(session[1]) };
  if (path === '/sessions') return { name: 'sessions' };
  if (path === '/admin') return { name: 'admin' };
  if (path === '/audit') return { name: 'audit' };
  if (path === '/account') return { name: 'account' };
  if (path === '/votes') return { name: 'votes' };
  if (path === '/decisions') return { name: 'decisions' };
  return { name: 'board' };
}

export function routePath(route: Route): string {
  if (route.name === 'board') return '/';
  if (route.name === 'invite') return `/invite/${encodeURIComponent(route.token)}`;
  if (route.name === 'position') return `/positions/${encodeURIComponent(route.positionId)}`;
  if (route.name === 'session') return `/sessions/${encodeURIComponent(route.sessionId)}`;
  return `/${route.name}`;
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify();
}

/** The current route, re-rendering on navigate() and on the browser's back and forward buttons. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname, () => '/');
  return parseRoute(pathname);
}

/** For <a href> links: a plain click stays in the app; modified clicks (new tab) are left to the browser. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}
