import { Box, Text } from 'ink';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Lyrics } from '../../domain/lyrics.js';
import { currentLineIndex } from '../../services/lyrics/lrc-parser.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { fit } from '../format.js';
import { keyName } from '../keys/key-name.js';
import { useKeyLayer } from '../keys/key-layer.js';
import { useKeys } from '../keys/key-table-context.js';
import type { UiServices } from '../ports.js';
import { useTheme } from '../theme.js';

type Loaded = { songId: number; lyrics: Lyrics | null } | undefined;

/**
 * The playing song's lyrics. Synced lyrics follow playback: the current line highlighted and kept
 * in view (a third from the top), on time between the player's updates (a timer to the next line);
 * j/k scroll by hand (unsynced lyrics only scroll so). Playback keys still drive the player;
 * Esc, q or the lyrics key close.
 */
export function LyricsOverlay({ services, width, height, onClose }: { services: UiServices; width: number; height: number; onClose(): void }) {
  const theme = useTheme();
  const { table } = useKeys();
  const status = useSyncExternalStore(services.player.subscribe, () => services.player.status());
  const song = status.song;
  const [loaded, setLoaded] = useState<Loaded>();
  const [scrolled, setScrolled] = useState<number | undefined>(undefined);
  const [, setTick] = useState(0);
  // When this status arrived: the position runs on from it while playing.
  const receivedAt = useMemo(() => Date.now(), [status]);

  useEffect(() => {
    if (!song) return;
    let live = true;
    setScrolled(undefined);
    services.details.lyrics(song.id).then(
      (lyrics) => live && setLoaded({ songId: song.id, lyrics }),
      () => live && setLoaded({ songId: song.id, lyrics: null }),
    );
    return () => void (live = false);
  }, [services, song?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const lyrics = loaded && song && loaded.songId === song.id ? loaded.lyrics : undefined;
  const playing = !status.paused && !status.stopped;
  const position = status.positionMs + (playing ? Date.now() - receivedAt : 0);
  const current = lyrics?.synced ? currentLineIndex(lyrics.lines, position) : -1;
  const next = lyrics?.synced ? lyrics.lines[current + 1]?.start_ms : undefined;
  useEffect(() => {
    if (!playing || next === undefined || next === null) return;
    const timer = setTimeout(() => setTick((n) => n + 1), Math.max(1, next - position));
    return () => clearTimeout(timer);
  }, [playing, next, position]);

  const body = Math.max(1, height - 2);
  const count = lyrics?.lines.length ?? 0;
  const maxTop = Math.max(0, count - body);
  const followTop = Math.min(maxTop, Math.max(0, current - Math.floor(body / 3)));
  const top = scrolled ?? (lyrics?.synced ? followTop : 0);

  useKeyLayer((input, key) => {
    const scroll = (delta: number) => setScrolled(Math.max(0, Math.min(maxTop, top + delta)));
    if (input === 'j' || key.downArrow) return scroll(1);
    if (input === 'k' || key.upArrow) return scroll(-1);
    if (key.pageDown) return scroll(body);
    if (key.pageUp) return scroll(-body);
    const action = table.action('ui', keyName(input, key));
    if (action?.kind === 'player') return void services.player.dispatch(action.command).catch(() => undefined);
    // Back to following the song, or closed.
    if (input === 'f' && scrolled !== undefined) return setScrolled(undefined);
    onClose();
  });

  const heading = song ? `Lyrics · ${song.title} — ${song.artist}` : 'Lyrics';
  const state = !song ? '' : lyrics === undefined ? '' : lyrics === null ? '' : lyrics.synced ? (scrolled !== undefined ? '  (f follows again)' : '  (following)') : '  (not synced: j/k scroll)';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fit(terminalSafe(heading) + state, width)}
      </Text>
      {!song ? (
        <Text color={theme.muted}>nothing is playing</Text>
      ) : lyrics === undefined ? (
        <Text color={theme.muted}>…</Text>
      ) : lyrics === null ? (
        <Text color={theme.muted}>no lyrics for this song</Text>
      ) : (
        lyrics.lines.slice(top, top + body).map((line, i) => {
          const index = top + i;
          const text = fit(`${index === current ? '› ' : '  '}${terminalSafe(line.text)}`, width);
          return index === current ? (
            <Text key={index} bold color={theme.accent} wrap="truncate">{text}</Text>
          ) : (
            <Text key={index} wrap="truncate" dimColor={lyrics.synced && index < current}>{text}</Text>
          );
        })
      )}
    </Box>
  );
}
