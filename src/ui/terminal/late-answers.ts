import { answerStartAtEnd, withoutTerminalAnswers } from '../../text/cover-art/terminal-answers.js';
import { withOverride } from './stream-override.js';

/** How long an answer is awaited when held back as maybe the start of one (then it is input). */
const HELD_MS = 150;

/**
 * `stdin` as Ink is to read it after a terminal query went unanswered in time: for `forMs`, answers
 * to that query arriving late (a loaded machine, a slow ssh link) are taken out of what Ink reads,
 * so they never reach it as typed keys. Keys typed meanwhile pass; what may be the start of an
 * answer cut off at the end of a read is held `HELD_MS` for the rest, then passed on if none came.
 */
export function swallowLateAnswers(stdin: NodeJS.ReadStream, forMs: number, now: () => number = Date.now): NodeJS.ReadStream {
  const until = now() + forMs;
  let held = '';
  let heldTimer: NodeJS.Timeout | undefined;
  const released: string[] = [];

  const release = () => {
    heldTimer = undefined;
    if (!held) return;
    released.push(held);
    held = '';
    stdin.emit('readable');
  };

  const read = (...args: Parameters<NodeJS.ReadStream['read']>): string | Buffer | null => {
    if (released.length > 0) return released.shift()!;
    for (;;) {
      const chunk: unknown = stdin.read(...args);
      if (chunk === null) return null;
      if (now() > until && !held) return chunk as string | Buffer;
      if (heldTimer) clearTimeout(heldTimer);
      heldTimer = undefined;
      let text = withoutTerminalAnswers(held + (typeof chunk === 'string' ? chunk : String(chunk)));
      held = '';
      const cut = now() <= until ? answerStartAtEnd(text) : -1;
      if (cut >= 0) {
        held = text.slice(cut);
        text = text.slice(0, cut);
        heldTimer = setTimeout(release, HELD_MS);
        heldTimer.unref();
      }
      // Nothing left of this read (it was all answers): read on, Ink takes an empty read as input.
      if (text) return text;
    }
  };

  return withOverride(stdin, 'read', read as NodeJS.ReadStream['read']);
}
