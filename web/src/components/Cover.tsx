import { useState } from 'preact/hooks';
import { Icon } from './Icon.js';

/** A cover image, or a plain tile when the album has none (or it fails to load). */
export function Cover({ src, alt, size }: { src: string | null; alt: string; size: number }) {
  const [failed, setFailed] = useState(false);
  if (!src || failed) return <div class="cover none" style={{ width: `${size}px`, height: `${size}px` }} aria-hidden="true"><Icon name="note" size={Math.round(size / 3)} /></div>;
  return <img class="cover" src={src} alt={alt} width={size} height={size} loading="lazy" onError={() => setFailed(true)} />;
}
