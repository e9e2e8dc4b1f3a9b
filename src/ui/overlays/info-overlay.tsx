import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import type { SongStory } from '../../services/song-story/song-story-service.js';
import { lengthClock } from '../../text/clock-time.js';
import { localDateTime } from '../../text/local-time.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { fit } from '../format.js';
import { useKeyLayer } from '../keys/key-layer.js';
import type { UiServices } from '../ports.js';
import { useTheme } from '../theme.js';

const LABEL_WIDTH = 15;

/** Everything tunes knows about one song: tags, the file, ReplayGain, and this user's plays, like and playlists. */
export function InfoOverlay({ services, songId, width, height, onClose }: { services: UiServices; songId: number; width: number; height: number; onClose(): void }) {
  const theme = useTheme();
  const [story, setStory] = useState<SongStory | string>();
  const [top, setTop] = useState(0);
  useEffect(() => {
    let live = true;
    services.details.story(songId).then(
      (found) => live && setStory(found),
      (cause: unknown) => live && setStory(cause instanceof Error ? cause.message : String(cause)),
    );
    return () => void (live = false);
  }, [services, songId]);
  const rows = typeof story === 'object' ? storyRows(story) : [];
  const body = Math.max(1, height - 2);
  const maxTop = Math.max(0, rows.length - body);
  useKeyLayer((input, key) => {
    if (input === 'j' || key.downArrow) setTop((t) => Math.min(maxTop, t + 1));
    else if (input === 'k' || key.upArrow) setTop((t) => Math.max(0, t - 1));
    else onClose();
  });
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fit(`Song info${maxTop > 0 ? '  (j/k scroll, any other key closes)' : '  (any key closes)'}`, width)}
      </Text>
      {story === undefined ? (
        <Text color={theme.muted}>…</Text>
      ) : typeof story === 'string' ? (
        <Text color={theme.error}>✗ {terminalSafe(story)}</Text>
      ) : (
        rows.slice(top, top + body).map(([label, value], i) => (
          <Text key={top + i} wrap="truncate">
            <Text color={theme.muted}>{fit(label, LABEL_WIDTH)}</Text> {fit(terminalSafe(value), Math.max(1, width - LABEL_WIDTH - 1))}
          </Text>
        ))
      )}
    </Box>
  );
}

function storyRows({ song, play_count, last_played_at, liked_at, playlists }: SongStory): Array<[string, string]> {
  const rows: Array<[string, string | number | null]> = [
    ['Title', song.title],
    ['Artist', song.artist],
    ['Album', song.album],
    ['Album artist', song.album_artist],
    ['Genre', song.genre],
    ['Year', song.year],
    ['Track', song.track_no],
    ['Disc', song.disc_no],
    ['Length', lengthClock(song.duration_ms)],
    ['File', song.path],
    ['Format', song.codec],
    ['Bitrate', song.bitrate ? `${Math.round(song.bitrate / 1000)} kb/s` : null],
    ['Sample rate', song.sample_rate ? `${song.sample_rate} Hz` : null],
    ['Size', `${(song.size / 1024 / 1024).toFixed(2)} MiB (${song.size} bytes)`],
    ['Track gain', gain(song.replaygain_track_gain_db, song.replaygain_track_peak)],
    ['Album gain', gain(song.replaygain_album_gain_db, song.replaygain_album_peak)],
    ['Added', localDateTime(song.added_at)],
    ['Plays', String(play_count)],
    ['Last played', last_played_at ? localDateTime(last_played_at) : 'never'],
    ['Liked', liked_at ? `yes, ${localDateTime(liked_at)}` : 'no'],
    ['Playlists', playlists.length > 0 ? playlists.join(', ') : 'none'],
    ['Song id', String(song.id)],
  ];
  if (song.missing_since) rows.push(['Missing since', localDateTime(song.missing_since)]);
  return rows.map(([label, value]) => [label, value === null || value === '' ? '—' : String(value)]);
}

function gain(db: number | null, peak: number | null): string | null {
  if (db === null) return null;
  return `${db > 0 ? '+' : ''}${db.toFixed(2)} dB${peak !== null ? `, peak ${peak.toFixed(6)}` : ''}`;
}
