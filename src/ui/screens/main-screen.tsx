import { homedir } from 'node:os';
import { join } from 'node:path';
import { Box, Text, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import type { User } from '../../domain/user.js';
import type { KeyTable } from '../../services/keys/key-table.js';
import { firstKey, useKeys } from '../keys/key-table-context.js';
import { keyName } from '../keys/key-name.js';
import { KeyLayerProvider, useLatestInput, type KeyHandler } from '../keys/key-layer.js';
import { useTextField } from '../widgets/text-input/use-text-input.js';
import { fit } from '../format.js';
import type { PlaylistItem, ScanProgress, UiServices } from '../ports.js';
import { useTerminalSize } from '../terminal/terminal-size.js';
import { useTheme } from '../theme.js';
import { renderListRow, sourceForView } from '../views/view-rows.js';
import { usePagedList } from '../widgets/list/use-paged-list.js';
import { VirtualList } from '../widgets/list/virtual-list.js';
import { NowPlayingBar } from '../widgets/now-playing-bar.js';
import { AlbumHeader, NowPlayingArea, coverLayout } from '../art/cover-layout.js';
import { useCoverArt } from '../art/cover-art-context.js';
import { Sidebar } from '../widgets/sidebar.js';
import { SearchBox } from '../widgets/search-box.js';
import { EmptyLibrary } from './empty-library.js';
import { breadcrumb, currentView, initialNavigation, navigationReducer, sidebarEntries } from './navigation-state.js';
import type { Overlay } from './overlay-state.js';
import { OverlayHost } from './overlay-host.js';
import { runCommand } from './run-command.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/** Below this width the sidebar is not shown beside the list; focusing it shows it instead of the list. */
export const SIDEBAR_COLLAPSE_COLUMNS = 80;
const SIDEBAR_WIDTH = 20;

export function MainScreen({ services, user, onQuit, typedAhead }: { services: UiServices; user: User; onQuit(): void; typedAhead?: ReadonlyArray<[string, Key]> }) {
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  // A frame as tall as the terminal makes Ink clear the screen on every frame.
  const height = Math.max(8, rows - 1);
  const [nav, navigate] = useReducer(navigationReducer, initialNavigation);
  const [playlists, setPlaylists] = useState<PlaylistItem[]>([]);
  const [overlay, setOverlay] = useState<Overlay>(undefined);
  const [searching, setSearching] = useState(false);
  const [notice, setNotice] = useState<{ text: string; isError: boolean }>();
  const [libraryEmpty, setLibraryEmpty] = useState<boolean>();
  const [reloads, setReloads] = useState(0);
  // Only the playing song's id: position ticks re-render the now-playing bar, not the whole screen.
  const playingId = useSyncExternalStore(services.player.subscribe, () => services.player.status().song?.id);
  const queueVersion = useSyncExternalStore(services.player.subscribe, () => services.player.status().queueVersion);
  const queueIndex = useSyncExternalStore(services.player.subscribe, () => services.player.status().queueIndex);
  const keys = useKeys();

  const entries = useMemo(() => sidebarEntries(playlists), [playlists]);
  const reloadPlaylists = useCallback(async () => {
    const list = await services.playlists.list();
    setPlaylists(list);
    return list;
  }, [services]);
  useEffect(() => void reloadPlaylists().catch(() => undefined), [reloadPlaylists]);

  const view = currentView(nav);
  // Opening a view reads it afresh, so changes made by another `tunes` process show up.
  const source = useMemo(() => sourceForView(view, services), [view, services, reloads]); // eslint-disable-line react-hooks/exhaustive-deps

  const collapsed = columns < SIDEBAR_COLLAPSE_COLUMNS;
  // Overlays live in the list's place, so a collapsed layout shows the list area while one is open.
  const showList = !collapsed || nav.focus === 'list' || overlay !== undefined;
  const showSidebar = !collapsed || !showList;
  const listWidth = collapsed ? columns : columns - SIDEBAR_WIDTH - 1;
  const art = coverLayout(useCoverArt() !== undefined, columns, height);
  // The now-playing area is two lines, or as tall as its cover when covers are shown.
  const bodyHeight = height - 2 - art.nowPlayingRows;
  const albumHeader = art.coverRows > 0 && view.kind === 'albumSongs' && overlay === undefined && !(collapsed && !showList);
  const listHeight = albumHeader ? bodyHeight - art.coverRows - 1 : bodyHeight;
  const list = usePagedList(source, listHeight, nav.restoreCursor);

  useEffect(() => {
    if (view.kind === 'songs' && !view.query && !list.loading) setLibraryEmpty(list.state.count === 0);
  }, [view, list.loading, list.state.count]);
  // The queue changed (here, or by `tunes queue add`, MPD, ... elsewhere): the Queue view follows.
  const shownQueueVersion = useRef(queueVersion);
  useEffect(() => {
    if (shownQueueVersion.current === queueVersion) return;
    shownQueueVersion.current = queueVersion;
    if (view.kind === 'queue') list.refresh();
  }, [queueVersion, view.kind, list]);

  const notify = useCallback((text: string, isError = false) => setNotice({ text, isError }), []);
  // A keys file with a mistake: said once, and the default keys are in force.
  useEffect(() => {
    if (keys.problem) notify(keys.problem, true);
  }, [keys.problem, notify]);
  useEffect(() => services.player.onWarning((message) => notify(message, true)), [services, notify]);
  const openAddFolder = useCallback(() => {
    setOverlay({
      kind: 'prompt',
      title: 'Add a music folder (full path)',
      submit: async (typed) => {
        const path = expandHome(typed.trim());
        const result = await services.library.addFolder(path, (p) =>
          setOverlay((o) => (o?.kind === 'prompt' ? { ...o, busy: scanProgressText(p) } : o)),
        );
        setReloads((n) => n + 1);
        notify(`added ${path}: ${result.added} songs${result.failed ? `, ${result.failed} files could not be read` : ''}`);
      },
    });
  }, [services, notify]);

  const layer = useRef<KeyHandler | undefined>(undefined);
  const search = useTextField();
  const searchHandlers = {
    onChange: (query: string) => navigate({ type: 'search', query: query.trim(), fromCursor: list.state.cursor }),
    onSubmit: () => setSearching(false),
    onCancel: () => {
      setSearching(false);
      search.reset();
      navigate({ type: 'search', query: '' });
    },
  };
  useLatestInput((input, key) => {
    // Ctrl-C quits from anywhere, search box and overlays included.
    if (key.ctrl && input === 'c') return onQuit();
    if (overlay) return layer.current?.(input, key);
    if (searching) return search.handle(input, key, searchHandlers);
    setNotice(undefined);
    const action = keys.table.action('ui', keyName(input, key));
    if (!action) return;
    if (action.kind === 'player') {
      return void services.player.dispatch(action.command).catch((cause: unknown) => notify(cause instanceof Error ? cause.message : String(cause), true));
    }
    if (action.id === 'activate' && libraryEmpty && view.kind === 'songs' && !view.query && user.role === 'admin') {
      return openAddFolder();
    }
    runCommand(action.id, {
      services, user, nav, navigate, entries, list, source, setOverlay, notify, reloadPlaylists,
      openSearch: () => {
        search.reset();
        setSearching(true);
      },
      quit: onQuit,
    });
  }, true, typedAhead);

  const hint = keyHint(keys.table, columns, view.kind);
  const title = breadcrumb(nav.stack);
  const total = list.countIsEstimate ? `${list.state.count - 1}+` : String(list.state.count);
  const countText = list.state.count > 0 ? ` (${list.state.cursor + 1}/${total})` : '';
  const showEmptyLibrary = libraryEmpty && view.kind === 'songs' && !view.query;

  return (
    <Box flexDirection="column" width={columns} height={height}>
      <Box height={1} width={columns}>
        {searching ? (
          <SearchBox width={columns} state={search.state} />
        ) : (
          <Text bold color={theme.accent} wrap="truncate">
            {fit(`tunes › ${title}${countText}`, Math.max(1, columns - user.username.length - 2))}
            <Text color={theme.muted}> {user.username}</Text>
          </Text>
        )}
      </Box>
      <Box height={bodyHeight} width={columns} flexDirection="row">
        {showSidebar ? (
          <Box width={collapsed ? columns : SIDEBAR_WIDTH} flexDirection="column" marginRight={collapsed ? 0 : 1}>
            <Sidebar entries={entries} selected={nav.section} focused={nav.focus === 'sidebar'} width={collapsed ? columns : SIDEBAR_WIDTH} height={bodyHeight} />
          </Box>
        ) : null}
        {showList ? (
          <Box width={listWidth} flexDirection="column">
            {overlay ? (
              <KeyLayerProvider layer={layer}>
              <OverlayHost overlay={overlay} setOverlay={setOverlay} services={services} playlists={playlists}
                reloadPlaylists={reloadPlaylists} notify={notify} width={listWidth} height={bodyHeight} />
              </KeyLayerProvider>
            ) : showEmptyLibrary ? (
              <EmptyLibrary user={user} />
            ) : list.error ? (
              <Text color={theme.error}>✗ {terminalSafe(list.error)}</Text>
            ) : (
              <>
              {albumHeader && view.kind === 'albumSongs' ? (
                <AlbumHeader album={view.album} layout={art} width={listWidth} row={1} column={collapsed ? 0 : SIDEBAR_WIDTH + 1} />
              ) : null}
              <VirtualList state={list.state} rowAt={list.rowAt} width={listWidth} focused={nav.focus === 'list'} loading={list.loading}
                emptyText={view.kind === 'songs' && view.query ? `no songs match “${view.query}”` : 'nothing here yet'}
                renderRow={(row, _selected, width, index) =>
                  // In the Queue the mark is on the current entry (a song may be queued twice).
                  renderListRow(row, width, view.kind === 'queue' ? (index === queueIndex ? playingId : undefined) : playingId)} />
              </>
            )}
          </Box>
        ) : null}
      </Box>
      {art.nowPlayingRows > 2 ? (
        <NowPlayingArea player={services.player} layout={art} width={columns} row={1 + bodyHeight} />
      ) : (
        <NowPlayingBar player={services.player} width={columns} />
      )}
      <Text wrap="truncate" color={notice?.isError ? theme.error : theme.muted} dimColor={!notice}>
        {notice ? terminalSafe(notice.text) : hint}
      </Text>
    </Box>
  );
}

function scanProgressText(p: ScanProgress): string {
  return p.phase === 'walking' ? `looking for music… ${p.done} files found` : `reading tags… ${p.done}/${p.total}`;
}

/** The most useful keys (as bound now) that fit on one line; help and quit always make it. */
function keyHint(table: KeyTable, columns: number, view: string): string {
  const item = (id: string, word: string) => (firstKey(table, id) ? [`${firstKey(table, id)} ${word}`] : []);
  const always = [...item('help', 'help'), ...item('detach', 'quit')];
  const optional = [
    ...(view === 'stats' ? [...item('stats-earlier', 'earlier year'), ...item('stats-later', 'later year'), ...item('stats-all-time', 'all time')] : []),
    ...item('search', 'search'), ...item('activate', 'play'), ...item('toggle', 'pause'), ...item('queue-end', 'queue'),
    ...item('add-to-playlist', 'add'), ...item('like', 'like'), ...item('toggle-focus', 'switch'),
  ];
  const shown: string[] = [];
  let used = always.join('  ').length;
  for (const item of optional) {
    if (used + item.length + 2 > columns) break;
    shown.push(item);
    used += item.length + 2;
  }
  return [...shown, ...always].join('  ');
}

/** A shell expands `~/Music` before tunes sees it; this prompt is not a shell, so it does the same. */
function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}
