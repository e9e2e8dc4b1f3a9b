// Loaded with `node --require`: counts the Intl.Collator and Intl.Segmenter objects a process builds
// (each loads ICU data at start-up) and writes the counts to $COUNT_INTL_FILE as JSON on exit.
const { writeFileSync } = require('node:fs');

const counts = { Collator: 0, Segmenter: 0 };
for (const name of Object.keys(counts)) {
  const Original = Intl[name];
  Intl[name] = new Proxy(Original, {
    construct(target, args, newTarget) {
      counts[name] += 1;
      return Reflect.construct(target, args, newTarget);
    },
  });
}
process.on('exit', () => writeFileSync(process.env.COUNT_INTL_FILE, JSON.stringify(counts)));
