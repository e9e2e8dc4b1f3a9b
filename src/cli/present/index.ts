// The CLI's --json shapes: one presenter per kind of thing, snake_case, shared by every command.
export * from './folder.js';
export * from './album.js';
export * from './library.js';
export * from './listening.js';
export * from './playlist.js';
export * from './song.js';
export * from './user.js';
export * from './settings.js';
export * from './app-key.js';
export * from './lyrics.js';
