import type { Plugin } from 'esbuild';

export declare const memoizeStringWidth: Plugin;
