import { isSmart, type Playlist } from '../api.js';

/** ✦ before a smart playlist's name (the terminal browser's mark), said as words to screen readers. */
export function SmartMark({ playlist }: { playlist: Playlist }) {
  if (!isSmart(playlist)) return null;
  return (
    <span class="smart-mark" title={playlist.built_in ? 'Built-in smart playlist' : 'Smart playlist'}>
      <span aria-hidden="true">✦ </span>
      <span class="visually-hidden">{playlist.built_in ? 'Built-in smart playlist: ' : 'Smart playlist: '}</span>
    </span>
  );
}
