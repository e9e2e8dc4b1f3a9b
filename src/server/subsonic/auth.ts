import type { User } from '../../domain/user.js';
import { isTunesError } from '../../errors.js';
import type { LoginLimiter } from '../login-limiter.js';
import type { Services } from '../../services/container.js';
import { ErrorCode, SubsonicFailure } from './envelope.js';
import type { SubsonicParams } from './params.js';
import type { RememberedPasswords } from './remembered-passwords.js';

export interface SubsonicAuthDeps {
  services: Services;
  loginLimiter: LoginLimiter;
  remembered: RememberedPasswords;
}

const WRONG = 'Wrong username or password';

/**
 * Who is calling, the ways Subsonic clients say it: OpenSubsonic's `apiKey`; `u` + `t` + `s` (t =
 * md5(app key + s)); `u` + `p` (clear or `enc:` hex) with an app key or the account's password.
 */
export async function authenticateSubsonic(params: SubsonicParams, ip: string, deps: SubsonicAuthDeps): Promise<User> {
  const { services } = deps;
  const apiKey = params.get('apiKey');
  const username = params.get('u');
  if (apiKey !== undefined) {
    if (username !== undefined) throw new SubsonicFailure(ErrorCode.conflictingAuth, 'Provide either apiKey or u, not both');
    return limited(deps, API_KEY_ACCOUNT, ip, ErrorCode.invalidApiKey, CHEAP, async () => {
      const user = await services.appKeys.userOfKey(apiKey);
      if (!user) throw new SubsonicFailure(ErrorCode.invalidApiKey, 'Invalid API key');
      return user;
    });
  }
  if (username === undefined || username === '') throw new SubsonicFailure(ErrorCode.missingParameter, "Required parameter 'u' is missing");

  const token = params.get('t');
  const salt = params.get('s');
  if (token !== undefined || salt !== undefined) {
    if (!token || !salt) throw new SubsonicFailure(ErrorCode.missingParameter, "Token authentication needs both 't' and 's'");
    return limited(deps, username, ip, ErrorCode.wrongCredentials, CHEAP, async () => {
      const found = await services.appKeys.userOfToken(username, token, salt);
      if (found === 'no_keys') {
        throw new NotCounted(ErrorCode.tokenAuthNotSupported, 'Token authentication needs an app key: create one with `tunes apikey create`');
      }
      if (typeof found === 'string') throw new SubsonicFailure(ErrorCode.wrongCredentials, WRONG);
      return found;
    });
  }

  const sent = params.get('p');
  if (sent === undefined) throw new SubsonicFailure(ErrorCode.missingParameter, "Required parameter 'p' (or 't' and 's', or 'apiKey') is missing");
  const password = decodePassword(sent);
  const known = deps.remembered.recall(username, password);
  if (known) return known;
  return limited(deps, username, ip, ErrorCode.wrongCredentials, COSTLY, async () => {
    const byKey = await services.appKeys.userOfKey(password);
    if (byKey) {
      if (byKey.username.toLowerCase() !== username.toLowerCase()) throw new SubsonicFailure(ErrorCode.wrongCredentials, WRONG);
      return byKey;
    }
    return checkPassword(username, password, deps);
  });
}

/**
 * The limiter's "account" for apiKey attempts, which name no user (no username holds parentheses).
 * Not a NUL: PostgreSQL's text cannot hold one, and the counts live in the database.
 */
const API_KEY_ACCOUNT = '(apiKey)';

/** A refusal that is not a wrong guess (no key exists to guess): the limiter takes the attempt back. */
class NotCounted extends SubsonicFailure {}

/**
 * Whether a check costs next to nothing (an app key's hash, a token: made first, the limiter only
 * read, a failure counted after it) or is worth slowing down before it is made (a password's scrypt:
 * counted first, taken back on success). Subsonic clients send a cheap credential with every
 * request, so a right one must write no limiter counts (a write per request, which also emptied the
 * search cache each time).
 */
const CHEAP = { checkFirst: true } as const;
const COSTLY = { checkFirst: false } as const;

/**
 * Every credential check goes through the login limiter, by the guard's rules: failures count per
 * (account, address) and per address, never per account alone, so a stranger guessing keys is slowed
 * down without locking the real user (elsewhere) out; a success clears that account's count there.
 * Refused while the limiter says wait, whichever the order.
 */
async function limited(
  deps: SubsonicAuthDeps,
  account: string,
  ip: string,
  code: number,
  { checkFirst }: { checkFirst: boolean },
  check: () => Promise<User>,
): Promise<User> {
  const { loginLimiter } = deps;
  const tooMany = (wait: number) => new SubsonicFailure(code, `Too many failed logins; try again in ${wait} s`);
  const { wait, tried } = checkFirst ? await loginLimiter.peek(account, ip) : { wait: await loginLimiter.begin(account, ip), tried: true };
  if (wait > 0) throw tooMany(wait);
  let user: User;
  try {
    user = await check();
  } catch (error) {
    const counted = error instanceof SubsonicFailure && !(error instanceof NotCounted);
    const later = await loginLimiter.settle(account, ip, counted ? 'failed' : 'not_counted', { begun: !checkFirst });
    if (later > 0) throw tooMany(later);
    throw error;
  }
  // A cheap check's success writes only when there were failures to end.
  if (!checkFirst || tried) await loginLimiter.settle(account, ip, 'succeeded', { begun: !checkFirst });
  return user;
}

async function checkPassword(username: string, password: string, { services, remembered }: SubsonicAuthDeps): Promise<User> {
  try {
    const user = await services.auth.checkPassword(username, password);
    remembered.remember(username, password, user);
    return user;
  } catch (error) {
    if (isTunesError(error) && error.code === 'auth_failed') throw new SubsonicFailure(ErrorCode.wrongCredentials, WRONG);
    throw error;
  }
}

/** `enc:` + hex of the UTF-8 bytes, or the password as sent. */
function decodePassword(sent: string): string {
  if (!sent.startsWith('enc:')) return sent;
  const hex = sent.slice(4);
  if (!/^([0-9a-f]{2})*$/i.test(hex)) throw new SubsonicFailure(ErrorCode.wrongCredentials, WRONG);
  return Buffer.from(hex, 'hex').toString('utf8');
}
