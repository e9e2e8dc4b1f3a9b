import type { Plugin } from 'esbuild';

export declare const reuseTokenViews: Plugin;
