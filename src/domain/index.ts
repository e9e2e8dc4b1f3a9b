// The shapes services take and return and edges render: types only, importing nothing outside
// src/domain. Records use the JSON contract's snake_case names (docs/round-2.md).
export type * from './folder.js';
export type * from './album.js';
export type * from './history.js';
export type * from './library.js';
export type * from './like.js';
export type * from './playlist.js';
export type * from './song.js';
export type * from './tag-query.js';
export type * from './user.js';
export type * from './app-key.js';
export type * from './play-queue.js';
export type * from './stars.js';
export type * from './lyrics.js';
