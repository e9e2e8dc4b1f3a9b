import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileWhole } from './whole-file.js';

/**
 * tunes.desktop (freedesktop Desktop Entry 1.4, the newest desktop-file-validate 0.26 knows): the file the MPRIS DesktopEntry property ("tunes")
 * names, so GNOME/KDE media widgets show the player's name and icon and can open it. Installed per
 * user into `$XDG_DATA_HOME/applications/` (default `~/.local/share/applications/`), as desktop
 * environments look there for a user's own applications.
 */
export const DESKTOP_ENTRY = `[Desktop Entry]
Type=Application
Version=1.4
Name=tunes
GenericName=Music Player
Comment=Play and browse your own music files
Exec=tunes
TryExec=tunes
Terminal=true
Icon=multimedia-audio-player
Categories=AudioVideo;Audio;Player;ConsoleOnly;
Keywords=music;player;audio;playlist;mpris;
`;

export function desktopEntryPath(env: NodeJS.ProcessEnv = process.env): string {
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'applications', 'tunes.desktop');
}

/** Writes the entry (replacing an older one whole, never half-written); answers where. */
export function installDesktopEntry(env: NodeJS.ProcessEnv = process.env): string {
  const path = desktopEntryPath(env);
  writeFileWhole(path, DESKTOP_ENTRY, 0o644);
  return path;
}
