import { useEffect, useRef, useState } from 'preact/hooks';
import { player } from '../player.js';
import { location, match, navigate } from '../router.js';
import { logOut, playlists, session, toast } from '../session.js';
import { useStore } from '../store.js';
import { Help } from './Help.js';
import { Icon } from './Icon.js';
import { Login } from './Login.js';
import { LyricsPanel } from './LyricsPanel.js';
import { AlbumPage, AlbumsPage, ArtistPage, ArtistsPage, HistoryPage, LikedPage, SongsPage } from './pages.js';
import { PlayerBar } from './PlayerBar.js';
import { PlaylistPage, PlaylistsPage } from './playlist-pages.js';
import { QueuePanel } from './QueuePanel.js';
import { SmartMark } from './SmartMark.js';
import { StatsPage } from './StatsPage.js';

const NAV: ReadonlyArray<[string, string]> = [
  ['/songs', 'Songs'],
  ['/albums', 'Albums'],
  ['/artists', 'Artists'],
  ['/playlists', 'Playlists'],
  ['/liked', 'Liked'],
  ['/history', 'History'],
  ['/stats', 'Stats'],
];

function Page({ path, query }: { path: string; query: URLSearchParams }) {
  let params: Record<string, string> | undefined;
  if (path === '/search') return <SongsPage key={query.get('q') ?? ''} query={query.get('q') ?? ''} />;
  if ((params = match('/albums/:id', path))) return <AlbumPage id={params.id!} />;
  if ((params = match('/artists/:id', path))) return <ArtistPage id={params.id!} />;
  if ((params = match('/playlists/:id', path))) return <PlaylistPage id={params.id!} />;
  if (path === '/albums') return <AlbumsPage />;
  if (path === '/artists') return <ArtistsPage />;
  if (path === '/playlists') return <PlaylistsPage />;
  if (path === '/liked') return <LikedPage />;
  if (path === '/history') return <HistoryPage />;
  if (path === '/stats') return <StatsPage key={query.get('year') ?? ''} query={query} />;
  return <SongsPage query="" />;
}

type SidePanel = 'queue' | 'lyrics' | null;

const typing = (target: EventTarget | null) => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;

export function App() {
  const user = useStore(session);
  const { path, query } = useStore(location);
  const lists = useStore(playlists);
  const message = useStore(toast);
  const [help, setHelp] = useState(false);
  // The queue and the lyrics share the right-hand column: opening one closes the other.
  const [panel, setPanel] = useState<SidePanel>(null);
  const toggle = (which: 'queue' | 'lyrics') => setPanel((open) => (open === which ? null : which));
  const [search, setSearch] = useState(query.get('q') ?? '');
  const searchBox = useRef<HTMLInputElement>(null);
  const searchTimer = useRef<number>(0);
  useEffect(() => {
    if (path !== '/search') setSearch('');
  }, [path]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        setHelp(false);
        if (typing(event.target)) (event.target as HTMLElement).blur();
        return;
      }
      if (typing(event.target) || document.querySelector('[role="dialog"]')) return;
      const keys: Record<string, () => void> = {
        ' ': () => player.toggle(),
        n: () => player.next(),
        p: () => player.previous(),
        ArrowLeft: () => player.seekBy(-10_000),
        ArrowRight: () => player.seekBy(10_000),
        '+': () => player.setVolume(player.elements[0]!.volume + 0.05),
        '=': () => player.setVolume(player.elements[0]!.volume + 0.05),
        '-': () => player.setVolume(player.elements[0]!.volume - 0.05),
        m: () => player.toggleMute(),
        s: () => player.toggleShuffle(),
        r: () => player.cycleRepeat(),
        q: () => toggle('queue'),
        y: () => toggle('lyrics'),
        '/': () => searchBox.current?.focus(),
        '?': () => setHelp(true),
      };
      const action = keys[event.key];
      // Space on a focused button presses it; only elsewhere is it play/pause.
      if (!action || (event.key === ' ' && event.target instanceof HTMLButtonElement)) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (user === undefined) return <p class="empty">Loading…</p>;
  if (user === null) return <Login />;

  const go = (to: string) => (event: Event) => {
    event.preventDefault();
    navigate(to);
  };
  return (
    <div class={`shell${panel ? ' with-queue' : ''}`}>
      <header class="top">
        <a class="brand" href="/songs" onClick={go('/songs')}>
          tunes
        </a>
        <form
          role="search"
          class="search"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(search.trim() ? `/search?q=${encodeURIComponent(search.trim())}` : '/songs');
          }}
        >
          <input
            ref={searchBox}
            type="search"
            aria-label="Search songs"
            placeholder="Search (/)"
            value={search}
            onInput={(event) => {
              const value = event.currentTarget.value;
              setSearch(value);
              window.clearTimeout(searchTimer.current);
              searchTimer.current = window.setTimeout(() => navigate(value.trim() ? `/search?q=${encodeURIComponent(value.trim())}` : '/songs', path === '/search'), 200);
            }}
          />
        </form>
        <button class="icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelp(true)}>
          <Icon name="help" />
        </button>
        <span class="who">{user.username}</span>
        <button onClick={() => void logOut()}>Log out</button>
      </header>
      <nav class="side" aria-label="Library">
        <ul>
          {NAV.map(([to, label]) => (
            <li key={to}>
              <a href={to} onClick={go(to)} aria-current={path.startsWith(to) || (to === '/songs' && path === '/') ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
        <ul class="side-playlists" aria-label="Your playlists">
          {lists.map((list) => (
            <li key={list.id}>
              <a href={`/playlists/${list.id}`} onClick={go(`/playlists/${list.id}`)} aria-current={path === `/playlists/${list.id}` ? 'page' : undefined}>
                <SmartMark playlist={list} />
                {list.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content">
        <Page path={path} query={query} />
      </main>
      {panel === 'queue' ? <QueuePanel onClose={() => setPanel(null)} /> : null}
      {panel === 'lyrics' ? <LyricsPanel onClose={() => setPanel(null)} /> : null}
      <PlayerBar panel={panel} onToggle={toggle} />
      <div class="toast" role="status" aria-live="polite">
        {message}
      </div>
      {help ? <Help onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
