import { createContext, useContext, type ReactNode } from 'react';
import type { CoverArtSource } from '../data/cover-art-source.js';
import type { ImageLayer } from './image-layer.js';

/** Where covers come from and, for terminals that draw images themselves, the layer they go on. */
export interface CoverArt {
  source: CoverArtSource;
  layer?: ImageLayer;
}

const CoverArtContext = createContext<CoverArt | undefined>(undefined);

/** undefined: no art (NO_COLOR, a monochrome terminal, `cover-art off`, tests without it). */
export const useCoverArt = (): CoverArt | undefined => useContext(CoverArtContext);

export function CoverArtProvider({ art, children }: { art: CoverArt | undefined; children: ReactNode }) {
  return <CoverArtContext.Provider value={art}>{children}</CoverArtContext.Provider>;
}
