export const KEYS: ReadonlyArray<[string, string]> = [
  ['space', 'Play / pause'],
  ['n / p', 'Next / previous song'],
  ['← / →', 'Seek back / forward 10 s'],
  ['+ / -', 'Volume up / down'],
  ['m', 'Mute'],
  ['s / r', 'Shuffle / repeat (off, all, one)'],
  ['/', 'Search'],
  ['j / k, ↓ / ↑', 'Move in a list'],
  ['g / G', 'First / last row'],
  ['Enter', 'Play from the row'],
  ['e / E', 'Add the song to the queue / play it next'],
  ['a', 'Add the song to a playlist'],
  ['L', 'Like / unlike the song'],
  ['d', 'Remove (in a playlist or the queue)'],
  ['J / K', 'Move the song down / up (in a playlist or the queue)'],
  ['q', 'Show / hide the queue'],
  ['y', 'Show / hide the lyrics of the song playing'],
  ['[ / ]', 'Stats: the year before / after'],
  ['A', 'Stats: all time / back to this year'],
  ['?', 'This list'],
  ['Escape', 'Close a dialog'],
];

export function Help({ onClose }: { onClose: () => void }) {
  return (
    <div class="overlay" onClick={onClose}>
      <div class="menu help" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(event) => event.stopPropagation()}>
        <h2 id="help-title">Keyboard</h2>
        <table>
          <tbody>
            {KEYS.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
