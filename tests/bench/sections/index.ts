import type { BenchSection } from '../lib/measure.js';
import { cliStartupSection } from './cli-startup.js';
import { dbCopySection } from './db-copy.js';
import { libraryAlbumsSection } from './library-albums.js';
import { libraryScanSection } from './library-scan.js';
import { lyricsArtSection } from './lyrics-art.js';
import { mprisSection } from './mpris.js';
import { playbackSection } from './playback.js';
import { playerSection } from './player.js';
import { playlistFilesSection } from './playlist-files.js';
import { playlistsSection } from './playlists.js';
import { postgresSection } from './postgres.js';
import { searchSection } from './search.js';
import { serverSection } from './server.js';
import { serverGuardSection } from './server-guard.js';
import { subsonicSection } from './subsonic.js';
import { remoteSection } from './remote.js';
import { uiSection } from './ui.js';
import { webSection } from './web.js';

/**
 * Every bench section, in the order the table prints them (BENCH_ONLY=name,... runs some). To add
 * figures: write a file here that exports a BenchSection (its run() returns rows, each beside the
 * baseline measured in the same run) and list it below.
 */
export const sections: BenchSection[] = [
  libraryScanSection,
  libraryAlbumsSection,
  cliStartupSection,
  searchSection,
  playlistsSection,
  playlistFilesSection,
  playbackSection,
  playerSection,
  mprisSection,
  serverSection,
  serverGuardSection,
  subsonicSection,
  remoteSection,
  uiSection,
  lyricsArtSection,
  webSection,
  dbCopySection,
  postgresSection,
];
