import { createContext, useContext, type ReactNode } from 'react';
import type { CoverArtSource } from '../data/cover-art-source.js';
import type { HalfBlockLayer } from './half-block-layer.js';
import type { ImageLayer } from './image-layer.js';

/**
 * Where covers come from and the layer they go on: for terminals that draw images themselves,
 * `layer`; for half blocks, `halfBlocks` (without it they are drawn in Ink's frame).
 */
export interface CoverArt {
  source: CoverArtSource;
  layer?: ImageLayer;
  halfBlocks?: HalfBlockLayer;
}

const CoverArtContext = createContext<CoverArt | undefined>(undefined);

/** undefined: no art (NO_COLOR, a monochrome terminal, `cover-art off`, tests without it). */
export const useCoverArt = (): CoverArt | undefined => useContext(CoverArtContext);

export function CoverArtProvider({ art, children }: { art: CoverArt | undefined; children: ReactNode }) {
  return <CoverArtContext.Provider value={art}>{children}</CoverArtContext.Provider>;
}
