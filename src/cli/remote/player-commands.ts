import { TunesError } from '../../errors.js';
import type { KeyContext } from '../../services/keys/app-actions.js';
import type { LeanContext } from './lean-context.js';
import { JSON_OPTION, type LeanCommand } from './lean-spec.js';

export const PLAYER_COMMANDS: LeanCommand[] = [
  {
    name: 'player quit',
    description: 'end the background player (its queue is saved: `tunes resume` carries on)',
    options: [JSON_OPTION],
    async run(context) {
      const player = await context.runningPlayer();
      if (!player) return report(context, false);
      const gone = new Promise<void>((resolve) => player.onClose(resolve));
      await player.dispatch({ type: 'quit' });
      await gone;
      report(context, true);
    },
  },
  {
    name: 'player run',
    description: 'run the player in this process (commands start it in the background by themselves)',
    hidden: true,
    options: [
      { flags: '--ready-fd <fd>', description: 'say on this file descriptor when it is ready' },
      { flags: '--warm', description: 'start mpv at once' },
    ],
    async run(context, { options }) {
      const readyFd = options['readyFd'] === undefined ? undefined : Number(options['readyFd']);
      if (readyFd !== undefined && !Number.isInteger(readyFd)) throw new TunesError('usage', '--ready-fd takes a file descriptor number');
      const { runPlayerProcess } = await import('../../daemon/run-player.js');
      await runPlayerProcess({ dbOverride: context.dbOverride, env: context.env, readyFd });
    },
  },
  {
    name: 'keys',
    description: 'the key bindings in force (the browser and tunes play), from the defaults and your keys file',
    options: [JSON_OPTION, { flags: '--play', description: 'the keys of tunes play (default: the browser)' }],
    async run(context, { options }) {
      const [{ keysFilePath }, { loadKeyTable }] = await Promise.all([import('../../config/player-paths.js'), import('../../services/keys/key-table.js')]);
      const path = keysFilePath(context.env);
      const { seekStep, volumeStep } = context.settings();
      const { table, problem } = loadKeyTable(path, { seekStep, volumeStep });
      // Here a mistake in the file is the answer: the one line that says where it is, exit 2.
      if (problem) throw new TunesError('invalid_input', problem.replace(/; using the default keys$/, ''));
      const where: KeyContext = options['play'] === true ? 'play' : 'ui';
      const sections = table.help(where);
      if (context.json) {
        return context.printJson({
          file: path,
          context: where,
          bindings: sections.flatMap((s) => s.rows.map((r) => ({ group: s.group, action: r.id, keys: table.keysFor(where, r.id), description: r.description }))),
        });
      }
      const lines = [`keys file: ${path}`];
      for (const section of sections) {
        lines.push('', section.group);
        for (const row of section.rows) lines.push(`  ${row.keys.padEnd(16)} ${row.id.padEnd(16)} ${row.description}`);
      }
      context.print(lines.join('\n'));
    },
  },
];

function report(context: LeanContext, ended: boolean): void {
  if (context.json) context.printJson({ ended });
  else context.print(ended ? 'the player has ended' : 'no player is running');
}
