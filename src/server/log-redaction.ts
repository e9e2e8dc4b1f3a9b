/**
 * Query parameters whose values are credentials: clients put tokens in URLs where they cannot send
 * headers (an <audio src>, a Subsonic client's u/t/s/p, a signed stream link). Compared without
 * case. Edges that add such a parameter add its name here, and the request log never shows it.
 */
export const SECRET_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'token',
  'access_token',
  'refresh_token',
  'apikey',
  'api_key',
  'key',
  'password',
  'sig',
  'signature',
  // Subsonic: t = md5(password + salt), s = salt, p = password (clear or "enc:" hex).
  't',
  's',
  'p',
]);

export const REDACTED = '[redacted]';

/** The URL as sent, with the value of every secret query parameter replaced. */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question === -1) return url;
  const query = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      return isSecret(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, question + 1)}${query}`;
}

function isSecret(rawName: string): boolean {
  let name = rawName;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' '));
  } catch {
    // A malformed escape: judge the name as sent.
  }
  return SECRET_QUERY_PARAMS.has(name.trim().toLowerCase());
}
