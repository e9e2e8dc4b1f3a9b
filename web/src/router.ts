import { createStore } from './store.js';

/** The page's location (the app is one page: the player bar lives on while this changes). */
export const location = createStore({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });

export function navigate(to: string, replace = false): void {
  const url = new URL(to, window.location.origin);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  location.set({ path: url.pathname, query: url.searchParams });
}

window.addEventListener('popstate', () => location.set({ path: window.location.pathname, query: new URLSearchParams(window.location.search) }));

/** `pattern` like /albums/:id: the params, or undefined when the path is another page. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.replace(/\/$/, '').split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return undefined;
  }
  return params;
}
