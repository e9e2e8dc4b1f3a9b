import type { Song } from '../../../domain/song.js';
import type { SongNarrowing } from '../../../domain/tag-query.js';
import type { LibraryUris } from './library-uris.js';
import type { Operator, ParsedFilter, SongFilter } from './song-filter.js';
import { MPD_TAGS } from './tags.js';

/** Whether a song passes the filter (the full check, after the database narrowed the rows). */
export function matches({ filter, fold }: ParsedFilter, song: Song, uris: LibraryUris): boolean {
  const test = (f: SongFilter): boolean => {
    switch (f.kind) {
      case 'and':
        return f.filters.every(test);
      case 'not':
        return !test(f.filter);
      case 'base': {
        const uri = uris.uriOf(song.path);
        const base = f.uri.replace(/\/+$/, '');
        return base === '' || uri.startsWith(`${base}/`);
      }
      case 'file':
        return compare(uris.uriOf(song.path), f.op, f.value, fold);
      case 'modified-since':
        return song.mtime_ms >= f.epochMs;
      case 'added-since':
        return Date.parse(song.added_at) >= f.epochMs;
      case 'tag': {
        if (f.tag === null) return compare(undefined, f.op, f.value, fold);
        if (f.tag === 'any') {
          const values = MPD_TAGS.map((tag) => tag.value(song)).filter((v): v is string => v !== undefined);
          // "any" != x: no tag equals x.
          return f.op === '!=' ? values.every((v) => compare(v, '!=', f.value, fold)) : values.some((v) => compare(v, f.op, f.value, fold));
        }
        return compare(f.tag.value(song), f.op, f.value, fold);
      }
    }
  };
  return test(filter);
}

/** A song without the tag has the empty value: `(album == "")` finds the songs with no album. */
function compare(actual: string | undefined, op: Operator, wanted: string, fold: boolean): boolean {
  const value = fold ? (actual ?? '').toLowerCase() : actual ?? '';
  const target = fold ? wanted.toLowerCase() : wanted;
  switch (op) {
    case '==':
      return value === target;
    case '!=':
      return value !== target;
    case 'contains':
      return value.includes(target);
    case 'starts_with':
      return value.startsWith(target);
  }
}

/**
 * What the database can narrow by: the terms every match must meet (the top-level AND), as whole
 * tags equal ignoring case, words of a contained value (the search index matches word starts, so
 * `search artist beat` finds "The Beatles" and `eatles` does not), the file, and the folder.
 */
export function narrowingOf({ filter }: ParsedFilter, uris: LibraryUris): SongNarrowing {
  const terms = filter.kind === 'and' ? filter.filters : [filter];
  const equal: NonNullable<SongNarrowing['equal']> = [];
  const words: NonNullable<SongNarrowing['words']> = [];
  const narrowing: SongNarrowing = { equal, words };
  for (const term of terms) {
    if (term.kind === 'tag' && term.tag !== null && term.value !== '') {
      const tag = term.tag;
      if (term.op === '==' && tag !== 'any') {
        const numeric = tag.field === 'year' || tag.field === 'track_no' || tag.field === 'disc_no';
        if (!numeric) equal.push({ field: tag.field, value: term.value });
        else if (/^\d+$/.test(term.value)) equal.push({ field: tag.field, value: Number(term.value) });
      } else if ((term.op === 'contains' || term.op === 'starts_with' || term.op === '==') && (tag === 'any' || tag.indexed)) {
        words.push(tag === 'any' ? { words: term.value } : { field: tag.indexed!, words: term.value });
      }
    } else if (term.kind === 'file' && term.op === '==') {
      const target = uris.resolve(term.value);
      narrowing.path = target?.kind === 'path' ? target.path : '\0no such file';
    } else if (term.kind === 'base') {
      const target = uris.resolve(term.uri);
      if (target?.kind === 'path') narrowing.pathPrefix = `${target.path}/`;
      else if (!target) narrowing.path = '\0no such folder';
    }
  }
  return narrowing;
}
