import type { Command } from 'commander';
import { emit, note, terminalWidth, withJson, type JsonOption } from '../output.js';
import type { CliRuntime } from '../runtime.js';
import { parseIntegers } from '../parse-ids.js';
import { withUser } from './current-user.js';
import { formatDuration, formatTime, plural, renderTable, titleCell } from './playlist-render.js';
import { presentLikedSong } from '../present/listening.js';

export function registerLikeCommands(program: Command, runtime: CliRuntime): void {
  withJson(program.command('like').description('add songs to your liked songs').argument('<song-id...>')).action(
    async (songArgs: string[], options: JsonOption) => {
      const songIds = parseIntegers(songArgs, 'song id');
      const { services, user } = await withUser(runtime);
      const result = await services.likes.like(user.id, songIds);
      for (const id of result.already_liked) note(runtime, `note: song ${id} was already liked`);
      emit(runtime, options, result, (r) => `Liked ${plural(r.liked.length, 'song')}`);
    },
  );

  withJson(program.command('unlike').description('remove songs from your liked songs').argument('<song-id...>')).action(
    async (songArgs: string[], options: JsonOption) => {
      const songIds = parseIntegers(songArgs, 'song id');
      const { services, user } = await withUser(runtime);
      const result = await services.likes.unlike(user.id, songIds);
      for (const id of result.not_liked) note(runtime, `note: song ${id} was not liked`);
      emit(runtime, options, result, (r) => `Unliked ${plural(r.unliked.length, 'song')}`);
    },
  );

  withJson(program.command('liked').description('your liked songs, newest first')).action(async (options: JsonOption) => {
    const { services, user } = await withUser(runtime);
    const entries = await services.likes.list(user.id);
    emit(runtime, options, entries.map(presentLikedSong), () =>
      entries.length === 0
        ? 'No liked songs yet; like one with `tunes like <song-id>`'
        : renderTable(
            ['ID', 'TITLE', 'ARTIST', 'ALBUM', 'LENGTH', 'LIKED'],
            entries.map((e) => [
              String(e.song.id),
              titleCell(e.song, e.available),
              e.song.artist,
              e.song.album,
              formatDuration(e.song.duration_ms),
              formatTime(e.liked_at),
            ]),
            [0, 4],
            terminalWidth(runtime),
          ),
    );
  });
}
