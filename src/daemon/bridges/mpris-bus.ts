import { Message, Variant, interface as dbusInterface, type MessageBus } from '@jellybrick/dbus-next';
import MprisPlayer from '@jellybrick/mpris-service';
import type { HostEvent, HostState } from '../../domain/player-state.js';
import type { PlayerHost } from '../../services/playback/player-host.js';
import type { BridgeContext, RunningBridge } from './bridge.js';
import { createArtUrls } from './mpris-art.js';
import { createLyricsTexts } from './mpris-lyrics.js';
import { commandOf, type MprisRequest } from './mpris-commands.js';
import { lengthOf, metadataOf, NO_TRACK, trackIdOf, type Metadata } from './mpris-metadata.js';
import { propertiesOf, type MprisLoopStatus } from './mpris-properties.js';

/** How long the session bus gets to answer before the player gives up on MPRIS (and runs on). */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * org.mpris.MediaPlayer2.tunes on the session bus, inside the player process: its properties follow
 * the host's events, and what clients ask (playerctl, media keys, desktop widgets) becomes a
 * PlayerCommand for `host.dispatch`. This module loads @jellybrick/mpris-service and dbus-next, so
 * it is imported only when a session bus exists (see mpris.ts).
 */
export async function startMprisBus(host: PlayerHost, { log }: BridgeContext): Promise<RunningBridge> {
  const player = new MprisPlayer({
    name: 'tunes',
    identity: 'tunes',
    desktopEntry: 'tunes',
    // OpenUri is not supported: the player plays songs of its library, not any file or URL.
    supportedUriSchemes: [],
    supportedMimeTypes: [],
    supportedInterfaces: ['player'],
  });
  // From the start: an 'error' with no listener would end the player. A bus that fails later (its
  // daemon gone) is logged and the player plays on without MPRIS.
  let up = false;
  player.on('error', (error) => up && log(`mpris: ${error.message}`));
  const bus = busOf(player);
  await connected(player, bus);
  up = true;
  player.canRaise = false;
  player.canQuit = true;
  player.canControl = true;
  player.getPosition = () => Math.round(host.state().position_ms * 1000);

  let current = { trackId: NO_TRACK, lengthMs: null as number | null };
  let trackKey = '';
  let metadataKey = '';
  // A song that opens reports a seek (to its start) right after its `track` event, before any state:
  // that is the song starting, said by its Metadata (or by the Seeked below for a repeat), not a jump.
  let opening = false;
  /** The track of the last `track` event (a song that started to sound). */
  let lastStarted = '';

  // The current song's cover, once the covers service has it: the Metadata is sent again with it.
  const artUrls = createArtUrls(
    (songId) => host.library.covers.songCover(songId),
    (songId) => host.state().song?.id === songId && apply(host.state()),
  );
  const lyricsTexts = createLyricsTexts(
    (songId) => host.library.lyrics.ofSong(songId),
    (songId) => host.state().song?.id === songId && apply(host.state()),
  );

  const apply = (state: HostState) => {
    const key = `${state.song?.id}|${state.queue_index}|${state.queue_version}`;
    if (key !== trackKey) {
      trackKey = key;
      const entry = state.song ? host.queue().entries[state.queue_index] : undefined;
      const trackId = entry ? trackIdOf(entry.entry_id) : NO_TRACK;
      current = { ...current, trackId };
    }
    current.lengthMs = lengthOf(state);
    const artUrl = state.song ? artUrls.get(state.song.id) : undefined;
    const lyrics = state.song ? lyricsTexts.get(state.song.id) : undefined;
    publishMetadata(player, metadataOf(state.song, current.trackId, current.lengthMs, artUrl, lyrics));
    const properties = propertiesOf(state);
    player.playbackStatus = properties.playbackStatus;
    player.loopStatus = properties.loopStatus;
    player.shuffle = properties.shuffle;
    player.volume = properties.volume;
    player.canPlay = properties.canPlay;
    player.canPause = properties.canPause;
    player.canSeek = properties.canSeek;
    player.canGoNext = properties.canGoNext;
    player.canGoPrevious = properties.canGoPrevious;
  };

  const publishMetadata = (target: MprisPlayer, metadata: Metadata) => {
    const key = JSON.stringify(metadata);
    if (key === metadataKey) return;
    metadataKey = key;
    setTypedMetadata(target, metadata);
  };

  const onEvent = (event: HostEvent) => {
    switch (event.type) {
      case 'state':
        opening = false;
        return apply(event.state);
      case 'track': {
        apply(host.state());
        // The same entry again (repeat one): the metadata stays, so the jump back is said by Seeked.
        if (current.trackId === lastStarted) player.seeked(Math.round(host.state().position_ms * 1000));
        lastStarted = current.trackId;
        opening = true;
        return;
      }
      case 'seeked': {
        if (opening) return void (opening = false);
        return player.seeked(Math.round(event.position_ms * 1000));
      }
      default:
        return;
    }
  };
  const unsubscribe = host.subscribe(onEvent);
  apply(host.state());

  const run = (request: MprisRequest) => {
    const command = commandOf(request, current);
    if (!command) return undefined;
    // MPRIS methods answer nothing: what cannot be done (Next on an empty queue) has no effect.
    host.dispatch(command).catch((error: unknown) => {
      log(`mpris: ${request.type}: ${(error as Error).message}`);
      apply(host.state());
    });
    return command;
  };
  for (const type of ['play', 'pause', 'playpause', 'stop', 'next', 'previous', 'quit'] as const) player.on(type, () => run({ type }));
  player.on('seek', (offsetUs) => run({ type: 'seek', offsetUs }));
  player.on('position', ({ trackId, position }) => run({ type: 'position', trackId, positionUs: position }));
  // A client that sets a property and reads it straight back (playerctl loop Track; playerctl loop)
  // sees the new value: it is shown at once, and the state the command leaves confirms or corrects it.
  player.on('volume', (volume) => {
    const command = run({ type: 'volume', volume });
    if (command?.type === 'volume') player.volume = command.value / 100;
  });
  player.on('shuffle', (on) => {
    if (run({ type: 'shuffle', on })) player.shuffle = on;
  });
  player.on('loopStatus', (status) => {
    if (run({ type: 'loop', status: status as MprisLoopStatus })) player.loopStatus = status as MprisLoopStatus;
  });
  // Rate stays 1.0 (MinimumRate = MaximumRate = 1); Raise: there is no window; OpenUri: see above.

  return {
    async stop() {
      unsubscribe();
      bus.disconnect();
    },
  };
}

/** The library's connection (it keeps it in a field it does not export a type for). */
function busOf(player: MprisPlayer): MessageBus {
  return (player as unknown as { _bus: MessageBus })._bus;
}

/**
 * Settles once the bus has answered a ping sent after the library's RequestName, so the name is
 * ours (or the library's fallback `tunes.instance<pid>` when another player holds it); rejects
 * when the bus cannot be reached.
 */
async function connected(player: MprisPlayer, bus: MessageBus): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onError: ((error: Error) => void) | undefined;
  try {
    await Promise.race([
      bus.call(new Message({ destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus.Peer', member: 'Ping' })),
      new Promise<never>((_, reject) => {
        onError = reject;
        player.once('error', onError);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the session bus did not answer')), CONNECT_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    bus.disconnect();
    throw error;
  } finally {
    clearTimeout(timer);
    if (onError) player.off('error', onError);
  }
}

/**
 * Sets Metadata with each value's own D-Bus type. The library's setter guesses types from JS values
 * (every number a double), but MPRIS wants 32-bit integers for xesam:trackNumber and discNumber, so
 * the typed values go into the Player interface directly, with the PropertiesChanged it would send.
 */
function setTypedMetadata(player: MprisPlayer, metadata: Metadata): void {
  const iface = player.interfaces.player;
  if (!iface) return;
  const variants = Object.fromEntries(Object.entries(metadata).map(([key, { signature, value }]) => [key, new Variant(signature, value)]));
  iface['_Metadata'] = variants;
  dbusInterface.Interface.emitPropertiesChanged(iface, { Metadata: variants }, []);
}
