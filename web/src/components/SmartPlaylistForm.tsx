import { useState } from 'preact/hooks';
import type { Playlist } from '../api.js';
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

export interface SmartRulesBody {
  name?: string;
  rules: string;
  sort?: string;
  limit?: number;
}

export interface SmartPlaylistFormProps {
  /** Editing a playlist's rules: its current ones, and no name field. */
  editing?: Playlist;
  submitLabel: string;
  send: (body: SmartRulesBody) => Promise<Playlist>;
  onDone: (playlist: Playlist) => void;
}

/**
 * A smart playlist's name (when new), rules in the CLI's rule language, sort and limit. The server
 * checks the rules; its one-line error (naming the wrong part) is shown under the form as it is.
 */
export function SmartPlaylistForm({ editing, submitLabel, send, onDone }: SmartPlaylistFormProps) {
  const [name, setName] = useState('');
  const [rules, setRules] = useState(editing?.rules ?? '');
  const [sort, setSort] = useState(editing?.rules_sort ?? '');
  const [limit, setLimit] = useState(editing?.rules_limit ? String(editing.rules_limit) : '');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const sorts = SORTS.some(([value]) => value === sort) ? SORTS : [...SORTS, [sort, sort] as [string, string]];
  return (
    <form
      class="smart-form"
      aria-label={editing ? `Rules of ${editing.name}` : 'New smart playlist'}
      onSubmit={(event) => {
        event.preventDefault();
        if ((!editing && !name.trim()) || busy) return;
        setBusy(true);
        setProblem('');
        send({ ...(editing ? {} : { name: name.trim() }), rules, ...(sort ? { sort } : {}), ...(limit ? { limit: Number(limit) } : {}) })
          .then(async (playlist) => {
            await refreshPlaylists();
            setName('');
            onDone(playlist);
          })
          .catch((error: Error) => setProblem(error.message))
          .finally(() => setBusy(false));
      }}
    >
      {editing ? null : (
        <label>
          Smart playlist name
          <input value={name} onInput={(event) => setName(event.currentTarget.value)} placeholder="Old jazz I like" required />
        </label>
      )}
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
          {sorts.map(([value, label]) => (
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
        {submitLabel}
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
