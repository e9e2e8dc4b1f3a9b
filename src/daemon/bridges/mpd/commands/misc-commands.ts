import { Ack, MpdAck } from '../ack.js';
import { integerArg, unsignedArg } from '../arguments.js';
import { command, type CommandSpec } from '../context.js';
import { tagNamed } from '../tags.js';

/** What mpv plays, for `decoders` (mpv decodes them all through FFmpeg). */
const SUFFIXES = ['mp3', 'flac', 'ogg', 'oga', 'opus', 'm4a', 'mp4', 'aac', 'wav', 'aif', 'aiff', 'wma', 'wv', 'ape', 'mpc', 'dsf', 'dff'];

/** The rest of what clients ask: outputs, decoders, tag types, and what is refused the MPD way. */
export const MISC_COMMANDS: Record<string, CommandSpec> = {
  ping: command(0, 0, () => undefined),
  binarylimit: command(1, 1, (ctx, [size]) => {
    const limit = unsignedArg(size!);
    if (limit < 64) throw new MpdAck(Ack.ARG, 'Value too small');
    ctx.binaryLimit = limit;
  }),
  tagtypes: command(0, -1, (ctx, [sub, ...names]) => {
    if (sub === undefined) return ctx.tags.list().map((tag) => `tagtype: ${tag.name}\n`).join('');
    switch (sub.toLowerCase()) {
      case 'all':
        return ctx.tags.all(true);
      case 'clear':
        return ctx.tags.all(false);
      case 'enable':
      case 'disable': {
        if (names.length === 0) throw new MpdAck(Ack.ARG, 'Not enough arguments');
        for (const name of names) {
          const tag = tagNamed(name);
          if (tag === undefined) throw new MpdAck(Ack.ARG, `Unknown tag type: ${name}`);
          if (tag) ctx.tags.set(tag, sub.toLowerCase() === 'enable');
        }
        return;
      }
      default:
        throw new MpdAck(Ack.ARG, 'Unknown sub command');
    }
  }),
  outputs: command(0, 0, () => 'outputid: 0\noutputname: mpv\nplugin: mpv\noutputenabled: 1\n'),
  enableoutput: command(1, 1, (_ctx, [id]) => checkOutput(id!)),
  disableoutput: command(1, 1, (_ctx, [id]) => {
    checkOutput(id!);
    throw new MpdAck(Ack.ARG, 'the one output (mpv) cannot be disabled');
  }),
  toggleoutput: command(1, 1, (_ctx, [id]) => {
    checkOutput(id!);
    throw new MpdAck(Ack.ARG, 'the one output (mpv) cannot be disabled');
  }),
  decoders: command(0, 0, () => `plugin: mpv\n${SUFFIXES.map((suffix) => `suffix: ${suffix}\n`).join('')}`),
  urlhandlers: command(0, 0, () => undefined),
  listmounts: command(0, 0, () => 'mount: \n'),
  listpartitions: command(0, 0, () => 'partition: default\n'),
  config: command(0, 0, () => {
    throw new MpdAck(Ack.PERMISSION, 'Command only permitted to local clients');
  }),
};

function checkOutput(id: string): void {
  if (integerArg(id) !== 0) throw new MpdAck(Ack.NO_EXIST, 'No such audio output');
}
