// The HTTP API's JSON shapes: one presenter per kind of thing, snake_case, shared by every route.
export * from './album.js';
export * from './listening.js';
export * from './playlist.js';
export * from './song.js';
export * from './user.js';
export * from './lyrics.js';
