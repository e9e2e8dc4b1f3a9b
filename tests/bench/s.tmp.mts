import { searchSection } from './sections/search.ts';
const rows = await searchSection.run({ corpusSize: 0, syntheticTracks: 100000, scratch: '/tmp', cache: '/tmp/tunes-bench-try', log: console.log });
console.log(rows);
