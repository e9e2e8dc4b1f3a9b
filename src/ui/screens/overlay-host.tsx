import { Box } from 'ink';
import type { Dispatch, SetStateAction } from 'react';
import { ConfirmOverlay } from '../overlays/confirm-overlay.js';
import { HelpOverlay } from '../overlays/help-overlay.js';
import { InfoOverlay } from '../overlays/info-overlay.js';
import { LyricsOverlay } from '../overlays/lyrics-overlay.js';
import { PlaylistPicker, type PickerChoice } from '../overlays/playlist-picker.js';
import { TextPromptOverlay } from '../overlays/text-prompt-overlay.js';
import type { PlaylistItem, SongItem, UiServices } from '../ports.js';
import type { Overlay } from './overlay-state.js';

export interface OverlayHostProps {
  overlay: NonNullable<Overlay>;
  setOverlay: Dispatch<SetStateAction<Overlay>>;
  services: UiServices;
  playlists: PlaylistItem[];
  reloadPlaylists(): Promise<PlaylistItem[]>;
  notify(text: string, isError?: boolean): void;
  width: number;
  height: number;
}

const message = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/** Shows the open overlay and runs what it asks for; a failed prompt stays open with the error. */
export function OverlayHost({ overlay, setOverlay, services, playlists, reloadPlaylists, notify, width, height }: OverlayHostProps) {
  const close = () => setOverlay(undefined);
  switch (overlay.kind) {
    case 'help':
      return <HelpOverlay width={width} height={height} onClose={close} />;
    case 'lyrics':
      return <LyricsOverlay services={services} width={width} height={height} onClose={close} />;
    case 'info':
      return <InfoOverlay services={services} songId={overlay.songId} width={width} height={height} onClose={close} />;
    case 'confirm':
      return (
        <ConfirmOverlay
          message={overlay.message}
          onNo={close}
          onYes={() => {
            close();
            overlay.onYes().catch((cause: unknown) => notify(message(cause), true));
          }}
        />
      );
    case 'prompt':
      return (
        <TextPromptOverlay
          key={overlay.title}
          title={overlay.title}
          initial={overlay.initial}
          busy={overlay.busy}
          error={overlay.error}
          onCancel={close}
          onSubmit={(value) => {
            if (!value) return close();
            setOverlay({ ...overlay, busy: overlay.busy ?? 'working…', error: undefined });
            overlay.submit(value).then(close, (cause: unknown) =>
              setOverlay((o) => (o?.kind === 'prompt' ? { ...o, busy: undefined, error: message(cause) } : o)),
            );
          }}
        />
      );
    case 'picker':
      return (
        <Box>
          <PlaylistPicker
            playlists={playlists}
            songTitle={overlay.label ?? overlay.songs[0]?.title ?? ''}
            width={width}
            height={height}
            onCancel={close}
            onPick={(choice) => pick(choice, overlay.songs, overlay.label)}
          />
        </Box>
      );
  }

  function pick(choice: PickerChoice, songs: SongItem[], label?: string): void {
    const add = async (playlist: PlaylistItem) => {
      await services.playlists.addSongs(playlist, songs.map((s) => s.id));
      await reloadPlaylists();
      notify(label ? `added ${label} (${songs.length} songs) to ${playlist.name}` : `added “${songs[0]?.title ?? ''}” to ${playlist.name}`);
    };
    if (choice.kind === 'playlist') {
      close();
      add(choice.playlist).catch((cause: unknown) => notify(message(cause), true));
      return;
    }
    setOverlay({
      kind: 'prompt',
      title: 'New playlist name',
      submit: async (name) => add(await services.playlists.create(name)),
    });
  }
}
