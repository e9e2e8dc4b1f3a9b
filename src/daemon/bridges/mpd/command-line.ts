import { Ack, MpdAck } from './ack.js';

/**
 * Splits one request line as MPD does: a command name, then arguments separated by blanks, each
 * bare or in double quotes with backslash escapes (`add "a \"b\" c"`).
 */
export function splitCommandLine(line: string): { name: string; args: string[] } {
  const words: string[] = [];
  let at = 0;
  const length = line.length;
  for (;;) {
    while (at < length && (line[at] === ' ' || line[at] === '\t')) at += 1;
    if (at >= length) break;
    if (line[at] === '"') {
      let word = '';
      at += 1;
      for (;;) {
        if (at >= length) throw new MpdAck(Ack.ARG, 'Missing closing \'"\'');
        const char = line[at]!;
        if (char === '"') break;
        if (char === '\\') {
          at += 1;
          if (at >= length) throw new MpdAck(Ack.ARG, 'Missing closing \'"\'');
        }
        word += line[at];
        at += 1;
      }
      at += 1;
      if (at < length && line[at] !== ' ' && line[at] !== '\t') throw new MpdAck(Ack.ARG, 'Space expected after closing \'"\'');
      words.push(word);
    } else {
      const start = at;
      while (at < length && line[at] !== ' ' && line[at] !== '\t') {
        if (line[at] === '"') throw new MpdAck(Ack.ARG, 'Invalid unquoted character');
        at += 1;
      }
      words.push(line.slice(start, at));
    }
  }
  const [name = '', ...args] = words;
  return { name, args };
}
