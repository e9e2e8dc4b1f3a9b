import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalConfig } from '../../../src/config/local-config.js';
import { serveMpd } from '../../../src/daemon/bridges/mpd/serve-mpd.js';
import { ensureLibraryRoot } from '../../../src/db/repositories/library-roots.js';
import { systemClock } from '../../../src/services/clock.js';
import { buildServices } from '../../../src/services/container.js';
import { makeTone } from '../../fixtures/playback/make-audio.js';
import { rawMpd } from '../../helpers/mpd-raw.js';
import { inProcessPlayer } from '../../helpers/player-daemon.js';
import { seedSongs } from '../../helpers/seed-songs.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { testDatabase } from '../../helpers/test-store.js';

const bridges: Array<{ stop(): Promise<void> }> = [];
// Registered after the player helper's hook, so it runs first: the bridge ends before the player.
afterEach(async () => {
  for (const bridge of bridges.splice(0)) await bridge.stop();
});

/** The real player in this process (real mpv, --ao=null) with the MPD bridge on a socket. */
async function mpdPlayer() {
  const store = await testDatabase();
  const music = join(tempDir(), 'Music');
  mkdirSync(music);
  const services = buildServices(store, openLocalConfig({ TUNES_HOME: tempDir() }), systemClock, { ...process.env, TUNES_AUDIO_OUTPUT: 'null' });
  const songs = await seedSongs(
    store,
    ['One', 'Two', 'Three'].map((title, i) => ({
      title, artist: 'Tester', album: 'Tests', track_no: i + 1, duration_ms: 20_000,
      path: makeTone(music, `${i + 1} ${title}`, { seconds: 20, frequency: 300 + 100 * i }),
    })),
  );
  await ensureLibraryRoot(store.db, dirname(songs[0]!.path), new Date().toISOString());
  const player = await inProcessPlayer(services);
  const socket = join(tempDir(), 'mpd.sock');
  const bridge = await serveMpd(player.daemon.host, { kind: 'socket', path: socket }, { log: () => undefined });
  bridges.push(bridge);
  return { ...player, songs, socket, bridge, connect: () => rawMpd(socket) };
}

describe('the MPD bridge over a raw socket', () => {
  it('greets, answers with OK, and fails in ACK [code@index] {command} form', async () => {
    const { connect } = await mpdPlayer();
    const client = await connect();
    expect(client.greeting).toBe('OK MPD 0.23.5');
    expect(await client.ask('ping')).toBe('OK\n');
    expect(await client.ask('nosuch')).toBe('ACK [5@0] {} unknown command "nosuch"\n');
    expect(await client.ask('play x')).toBe('ACK [2@0] {play} Integer expected: x\n');
    expect(await client.ask('play 1 2')).toBe('ACK [2@0] {play} too many arguments for "play"\n');
    expect(await client.ask('seekcur')).toBe('ACK [2@0] {seekcur} wrong number of arguments for "seekcur"\n');
    expect(await client.ask('list')).toBe('ACK [2@0] {list} too few arguments for "list"\n');
    expect(await client.ask('play 9')).toBe('ACK [2@0] {play} Bad song index\n');
    expect(await client.ask('playid 99')).toBe('ACK [50@0] {playid} No such song\n');
    expect(await client.ask('add "Music/nothing here"')).toBe('ACK [50@0] {add} No such directory\n');
    expect(await client.ask('add "unterminated')).toBe('ACK [2@0] {} Missing closing \'"\'\n');
    expect(await client.ask('consume 1')).toMatch(/^ACK \[2@0\] \{consume\} consume mode is not supported/);
    expect(await client.ask('password secret')).toBe('ACK [3@0] {password} incorrect password\n');
    expect(await client.ask('search "(title =~ \'(a+)+$\')"')).toBe('ACK [2@0] {search} Regular expressions are not supported\n');
    expect(await client.ask('command_list_end')).toBe('ACK [1@0] {command_list_end} not in command list mode\n');
  });

  it('runs command lists: list_OK after each, and an ACK naming the failing one stops the rest', async () => {
    const { connect, daemon } = await mpdPlayer();
    const client = await connect();
    expect(await client.ask('command_list_ok_begin', 'add Music', 'ping', 'command_list_end')).toBe('list_OK\nlist_OK\nOK\n');
    expect(daemon.host.state().queue_length).toBe(3);
    expect(await client.ask('command_list_begin', 'ping', 'delete 9', 'clear', 'command_list_end')).toBe('ACK [2@1] {delete} Bad song index\n');
    expect(daemon.host.state().queue_length).toBe(3);
    expect(await client.ask('command_list_ok_begin', 'ping', 'bogus', 'command_list_end')).toBe('list_OK\nACK [5@1] {} unknown command "bogus"\n');
    expect(await client.ask('command_list_begin', 'clear', 'command_list_end')).toBe('OK\n');
    expect(daemon.host.state().queue_length).toBe(0);
  });

  it('gives songs ids that stay with their queue entries, and plchanges only what moved', async () => {
    const { connect, daemon } = await mpdPlayer();
    const client = await connect();
    await client.ask('add "Music/1 One.ogg"');
    await client.ask('add "Music/2 Two.ogg"');
    const id = Number(/^Id: (\d+)$/m.exec(await client.ask('addid "Music/3 Three.ogg" 0'))![1]);
    const titles = () => daemon.host.queue().entries.map((entry) => entry.song.title);
    expect(titles()).toEqual(['Three', 'One', 'Two']);
    const version = Number(/^playlist: (\d+)$/m.exec(await client.ask('status'))![1]);
    expect(await client.ask(`moveid ${id} 2`)).toBe('OK\n');
    expect(titles()).toEqual(['One', 'Two', 'Three']);
    expect(await client.ask(`plchangesposid ${version}`)).toBe(
      `cpos: 0\nId: ${daemon.host.queue().entries[0]!.entry_id}\ncpos: 1\nId: ${daemon.host.queue().entries[1]!.entry_id}\ncpos: 2\nId: ${id}\nOK\n`,
    );
    const now = Number(/^playlist: (\d+)$/m.exec(await client.ask('status'))![1]);
    expect(await client.ask(`plchanges ${now}`)).toBe('OK\n');
    expect(await client.ask('playlistid 999')).toBe('ACK [50@0] {playlistid} No such song\n');
    expect(await client.ask(`playlistid ${id}`)).toMatch(/^file: Music\/3 Three\.ogg\n[\s\S]*Title: Three\n[\s\S]*Pos: 2\nId: \d+\nOK\n$/);
    expect(await client.ask(`deleteid ${id}`)).toBe('OK\n');
    expect(titles()).toEqual(['One', 'Two']);
  });

  it('answers idle when the player changes, keeps changes for the next idle, and noidle ends a wait', async () => {
    const { connect, daemon } = await mpdPlayer();
    const client = await connect();
    await client.ask('add Music');
    // Changes made while the client was not idling wait for its next idle.
    expect(await client.ask('idle playlist')).toBe('changed: playlist\nOK\n');
    client.send('idle\n');
    client.send('noidle\n');
    expect(await client.reply()).toBe('OK\n');
    client.send('idle mixer\n');
    await daemon.host.dispatch({ type: 'volume', value: 30, mode: 'absolute' });
    expect(await client.reply()).toBe('changed: mixer\nOK\n');
    client.send('idle player\n');
    await daemon.host.dispatch({ type: 'queue-play', index: 1 });
    expect(await client.reply()).toBe('changed: player\nOK\n');
    // Anything but noidle during idle ends the connection, as MPD does.
    client.send('idle\nstatus\n');
    await client.closed;
    expect(await (await connect()).ask('ping')).toBe('OK\n');
    expect(await client.ask('idle nonsense').catch((error: Error) => error.message)).toMatch(/closed/);
    const other = await connect();
    expect(await other.ask('idle nonsense')).toBe('ACK [2@0] {idle} Unrecognized idle event: nonsense\n');
  });

  it('is not hurt by garbage, an endless line, a command list without end, clients leaving mid-command or many at once', async () => {
    const { connect, daemon } = await mpdPlayer();
    const garbage = await connect();
    expect(await garbage.ask('\u0000\u00ff\u001b[2J binary')).toMatch(/^ACK \[5@0\] \{\} unknown command/);
    const endless = await connect();
    endless.send('status '.repeat(20_000));
    await endless.closed;
    const hoarding = await connect();
    hoarding.send(`command_list_begin\n${`ping ${'x'.repeat(60_000)}\n`.repeat(40)}`);
    await hoarding.closed;
    // A flood of requests is read only as fast as it is answered, and all are answered in order.
    const flooding = await connect();
    flooding.send('ping\n'.repeat(5000));
    let answered = 0;
    while (answered < 5000) answered += (await flooding.reply()) === 'OK\n' ? 1 : 0;
    expect(await flooding.ask('getvol')).toMatch(/^volume: \d+\nOK\n$/);
    const leaving = await connect();
    leaving.send('add Music\nstatus\nlistallinfo\n');
    leaving.socket.destroy();
    const many = await Promise.all(Array.from({ length: 40 }, () => connect()));
    const replies = await Promise.all(many.map((client) => client.ask('status')));
    expect(replies.every((reply) => /^volume: \d+\n[\s\S]*\nstate: (play|stop|pause)\n[\s\S]*OK\n$/.test(reply))).toBe(true);
    for (const client of many) client.socket.destroy();
    expect(await garbage.ask('ping')).toBe('OK\n');
    expect(daemon.host.state().problem).toBeNull();
  });

  it('finds, lists and browses the library as MPD clients ask', async () => {
    const { connect } = await mpdPlayer();
    const client = await connect();
    expect(await client.ask('lsinfo')).toBe('directory: Music\nOK\n');
    expect(await client.ask('lsinfo Music')).toMatch(/^file: Music\/1 One\.ogg\nLast-Modified: \S+Z\n[\s\S]*Artist: Tester\nAlbum: Tests\nAlbumArtist: Tester\nTitle: One\nTrack: 1\nTime: 20\nduration: 20\.000\n/);
    expect(await client.ask('find "(title == \'Two\')"')).toMatch(/^file: Music\/2 Two\.ogg\n[^]*OK\n$/);
    expect(await client.ask('find title two')).toBe('OK\n');
    expect(await client.ask('search title two')).toMatch(/^file: Music\/2 Two\.ogg\n/);
    expect(await client.ask('search "(!(title contains \'t\'))"')).toMatch(/^file: Music\/1 One\.ogg\n[^]*OK\n$/);
    expect(await client.ask('list album group albumartist')).toBe('AlbumArtist: Tester\nAlbum: Tests\nOK\n');
    expect(await client.ask('list title "(artist == \'Tester\')"')).toBe('Title: One\nTitle: Three\nTitle: Two\nOK\n');
    expect(await client.ask('count artist Tester')).toBe('songs: 3\nplaytime: 60\nOK\n');
    expect(await client.ask('listall')).toBe('directory: Music\nfile: Music/1 One.ogg\nfile: Music/2 Two.ogg\nfile: Music/3 Three.ogg\nOK\n');
    const modified = /Last-Modified: (\S+)/.exec(await client.ask('lsinfo "Music/1 One.ogg"'))![1];
    expect(await client.ask('command_list_begin', 'tagtypes clear', 'tagtypes enable Title', 'find "(base \'Music\')" window 0:1', 'command_list_end')).toBe(
      `file: Music/1 One.ogg\nLast-Modified: ${modified}\nTitle: One\nTime: 20\nduration: 20.000\nOK\n`,
    );
  });
});

describe('the MPD bridge ending', () => {
  it('lets the player end while a client idles and never closes its side', async () => {
    const { socket, bridge } = await mpdPlayer();
    const client = await rawMpd(socket);
    client.socket.on('end', () => undefined); // a client that ignores the server's close
    client.socket.allowHalfOpen = true;
    client.send('idle\n');
    // Settles once the server has let go of the connection (it would wait for the client for ever).
    await bridge.stop();
    client.socket.destroy();
  });
});
