import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RemoteIds } from '../../src/remote/subsonic/remote-ids.js';
import { openRemoteLibrary } from '../../src/remote/subsonic/remote-library.js';
import { errorOf } from '../helpers/error-of.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('remote ids (Subsonic ids as the numbers tunes uses)', () => {
  it('keeps decimal ids, numbers other ids the same way in every process, and finds them again from a file', async () => {
    const file = join(tempDir(), 'remote', 'home-ids.json');
    const one = new RemoteIds(file);
    expect(one.numberOf('song', '42')).toBe(42);
    expect(one.idOf('song', 42)).toBe('42');
    const uuid = '7e53c91e-c0b4-4bd6-9d0a-2f1b8d5a1f3e';
    const n = one.numberOf('song', uuid);
    expect(Number.isSafeInteger(n) && n >= 1e12 && String(n).length <= 15).toBe(true);
    expect(one.numberOf('album', uuid)).not.toBe(n);
    expect(existsSync(file)).toBe(false);
    one.save();
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const other = new RemoteIds(file);
    expect(other.numberOf('song', uuid)).toBe(n);
    const fresh = new RemoteIds(file);
    expect(fresh.idOf('song', n)).toBe(uuid);
    // Two processes that learnt different ids: both survive their saves.
    const a = new RemoteIds(file);
    const b = new RemoteIds(file);
    const na = a.numberOf('song', 'al-1');
    const nb = b.numberOf('song', 'al-2');
    a.save();
    b.save();
    const merged = new RemoteIds(file);
    expect([merged.idOf('song', na), merged.idOf('song', nb)]).toEqual(['al-1', 'al-2']);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toHaveLength(4);
    expect(await errorOf((async () => new RemoteIds(file).idOf('song', 1e12 + 5))())).toMatch(/^not_found: no song with id 1000000000005/);
  });

  it('gives mpv the stream URL with the credential and stream-bitrate, while the song keeps it without', async () => {
    const home = tempDir();
    const library = openRemoteLibrary(
      { name: 'home', url: 'http://127.0.0.1:9/music', username: 'alice', credential: { kind: 'apikey', key: 'tunes_secret' } },
      { TUNES_HOME: home },
    );
    const path = 'http://127.0.0.1:9/music/rest/stream?id=42';
    const located = library.locate(path, 0);
    expect(located.options).toBeUndefined();
    const original = new URL(located.url);
    expect(original.pathname).toBe('/music/rest/stream');
    expect(Object.fromEntries(original.searchParams)).toEqual({ apiKey: 'tunes_secret', v: '1.10.2', c: 'tunes', id: '42' });
    expect(new URL(library.locate(path, 192).url).searchParams.get('maxBitRate')).toBe('192');
    const ca = join(home, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
    const secure = openRemoteLibrary(
      { name: 'tls', url: 'https://127.0.0.1:9', username: 'alice', credential: { kind: 'apikey', key: 'k' }, ca },
      { TUNES_HOME: home },
    );
    expect(secure.locate('https://127.0.0.1:9/rest/stream?id=1', 0).options).toEqual({ 'tls-verify': 'yes', 'tls-ca-file': ca });
    await secure.close();
    expect(await errorOf(library.catalog.getSong(42))).toBe('io: cannot reach home (http://127.0.0.1:9): connection refused');
    await library.close();
  });
});
