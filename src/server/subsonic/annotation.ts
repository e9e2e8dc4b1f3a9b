import type { Endpoint, SubsonicContext } from './context.js';
import { ErrorCode, SubsonicFailure } from './envelope.js';
import { parseEntityId, parseKindId } from './ids.js';
import type { SubsonicParams } from './params.js';
import type { StarTargets } from '../../services/stars/star-service.js';

/** `id` may name songs, albums or artists (their prefixes say which); `albumId`/`artistId` name those. */
function targetsOf(params: SubsonicParams): StarTargets {
  const targets = { songs: [] as number[], albums: [] as number[], artists: [] as number[] };
  for (const raw of params.all('id')) {
    const id = parseEntityId(raw);
    (id.kind === 'song' ? targets.songs : id.kind === 'album' ? targets.albums : targets.artists).push(id.id);
  }
  for (const raw of params.all('albumId')) targets.albums.push(parseKindId(raw, 'album'));
  for (const raw of params.all('artistId')) targets.artists.push(parseKindId(raw, 'artist'));
  if (targets.songs.length + targets.albums.length + targets.artists.length === 0) {
    throw new SubsonicFailure(ErrorCode.missingParameter, "Required parameter 'id', 'albumId' or 'artistId' is missing");
  }
  return targets;
}

export function annotationEndpoints({ services, clock }: SubsonicContext): Endpoint[] {
  return [
    {
      name: 'star',
      handler: async ({ user, params }) => {
        await services.stars.star(user.id, targetsOf(params));
        return {};
      },
    },
    {
      name: 'unstar',
      handler: async ({ user, params }) => {
        await services.stars.unstar(user.id, targetsOf(params));
        return {};
      },
    },
    {
      // submission=true (the default): a play in the user's history, at `time` (ms since the epoch)
      // when given, the same plays `tunes history` lists; false: "now playing" for getNowPlaying.
      name: 'scrobble',
      handler: async ({ user, params }) => {
        const ids = params.all('id').map((id) => parseKindId(id, 'song'));
        if (ids.length === 0) params.required('id');
        const times = params.all('time');
        const submission = params.bool('submission', true);
        for (const [index, songId] of ids.entries()) {
          if (!submission) {
            await services.playQueues.nowPlaying(user.id, songId, params.get('c') ?? 'unknown');
            continue;
          }
          const song = await services.catalog.getSong(songId);
          const time = times[index];
          const at = time === undefined || time === '' ? clock.now() : new Date(Number(time));
          if (Number.isNaN(at.getTime())) throw new SubsonicFailure(ErrorCode.generic, `time must be milliseconds since 1970, not ${time}`);
          // A scrobble is the client saying the song was listened to: counted as played in full.
          await services.history.recordListen({
            userId: user.id,
            songId,
            startedAt: at,
            msPlayed: song.duration_ms ?? 30_000,
            durationMs: song.duration_ms,
          });
        }
        return {};
      },
    },
  ];
}
