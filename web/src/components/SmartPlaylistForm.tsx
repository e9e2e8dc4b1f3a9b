import { useState } from 'preact/hooks';
import { api, type Playlist } from '../api.js';
import { refreshPlaylists } from '../session.js';

/** The sorts a smart playlist takes (README "Smart playlists"); "-" first for descending. */
const SORTS: ReadonlyArray<[string, string]> = [
  ['', 'Artist (default)'],
  ['title', 'Title'],
  ['album', 'Album'],
  ['year', 'Year, oldest first'],
  ['-year', 'Year, newest first'],
  ['-added', 'Added, newest first'],
  ['-plays', 'Most played'],
  ['played', 'Played longest ago'],
  ['duration', 'Shortest first'],
  ['random', 'Random'],
];

/**
 * A new smart playlist: a name and rules in the CLI's rule language, a sort and a limit. The server
 * checks the rules; its one-line error (naming the wrong part) is shown under the form as it is.
 */
export function SmartPlaylistForm({ onCreated }: { onCreated: (playlist: Playlist) => void }) {
  const [name, setName] = useState('');
  const [rules, setRules] = useState('');
  const [sort, setSort] = useState('');
  const [limit, setLimit] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="smart-form"
      aria-label="New smart playlist"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim() || busy) return;
        setBusy(true);
        setProblem('');
        const body = { name: name.trim(), rules, ...(sort ? { sort } : {}), ...(limit ? { limit: Number(limit) } : {}) };
        api<Playlist>('POST', '/api/playlists', body)
          .then(async (playlist) => {
            await refreshPlaylists();
            setName('');
            setRules('');
            onCreated(playlist);
          })
          .catch((error: Error) => setProblem(error.message))
          .finally(() => setBusy(false));
      }}
    >
      <label>
        Smart playlist name
        <input value={name} onInput={(event) => setName(event.currentTarget.value)} placeholder="Old jazz I like" required />
      </label>
      <label class="rules">
        Rules
        <input
          value={rules}
          onInput={(event) => setRules(event.currentTarget.value)}
          placeholder="genre:jazz year:<1970 liked"
          aria-describedby="rules-help"
          aria-invalid={problem ? true : undefined}
          spellcheck={false}
          autoCapitalize="off"
        />
      </label>
      <label>
        Sort
        <select value={sort} onChange={(event) => setSort(event.currentTarget.value)}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        At most
        <input type="number" min={1} max={5000} inputMode="numeric" value={limit} onInput={(event) => setLimit(event.currentTarget.value)} placeholder="songs" class="limit" />
      </label>
      <button type="submit" disabled={busy}>
        Create smart playlist
      </button>
      <p id="rules-help" class="sub rules-help">
        Rules like <code>genre:jazz</code> <code>year:&lt;1970</code> <code>artist:"miles davis"</code> <code>liked</code> <code>plays:&gt;3</code>{' '}
        <code>played:&gt;30d</code> <code>added:&lt;14d</code> <code>duration:&gt;5m</code> <code>-genre:christmas</code>, with <code>or</code> and
        parentheses. The songs are whatever matches, worked out each time.
      </p>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
