import { readFileSync } from 'node:fs';
import { resolveConfigFile } from './paths.js';

/**
 * How this machine reaches a remote library (a Subsonic or OpenSubsonic server). The secret is
 * the least that keeps working: an app key (OpenSubsonic apiKey, or a key used as the token
 * secret), a salt and token pair made once from the password (servers that accept a reused pair),
 * or, for servers that take nothing but a password, that password sealed under a key file of this
 * machine (src/config/remote-secret.ts). Never the password in plain text.
 */
export type RemoteCredential =
  | { kind: 'apikey'; key: string }
  | { kind: 'key-token'; key: string }
  | { kind: 'token'; salt: string; token: string }
  | { kind: 'sealed-password'; sealed: string }
  /** Only while logging in (the password just typed), never stored. */
  | { kind: 'password'; password: string };

export interface RemoteServer {
  name: string;
  url: string;
  username: string;
  credential: RemoteCredential;
  /** A CA certificate file trusted for this server (a self-signed one), besides the system's. */
  ca?: string;
  /** What the server said it is at login: `type` and `serverVersion` (OpenSubsonic), the API version. */
  server_type?: string;
  api_version?: string;
  extensions?: string[];
  /** The app key was made by `tunes login` (a tunes server): `tunes logout` ends it there. */
  own_key?: boolean;
}

/** The remote library in use, read straight from config.json (no `conf`: the player and the lean client use it). */
export function currentRemoteServer(env: NodeJS.ProcessEnv = process.env): RemoteServer | undefined {
  try {
    const data = JSON.parse(readFileSync(resolveConfigFile(env), 'utf8')) as { servers?: Record<string, RemoteServer>; currentServer?: string };
    const name = data.currentServer;
    if (typeof name !== 'string') return undefined;
    const server = data.servers?.[name];
    return server && typeof server.url === 'string' ? server : undefined;
  } catch {
    return undefined;
  }
}
