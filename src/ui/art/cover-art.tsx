import { Box, Text } from 'ink';
import { memo, useEffect, useId, useState } from 'react';
import type { CoverPicture, CoverTarget } from '../data/cover-art-source.js';
import { useCoverArt } from './cover-art-context.js';

export interface CoverArtProps {
  target: CoverTarget;
  columns: number;
  rows: number;
  /** Where its top-left cell is on the screen (0-based): images drawn by the terminal go there. */
  row: number;
  column: number;
}

/**
 * A cover in `columns` x `rows` cells: half blocks as part of the frame, or an empty box the image
 * layer draws the terminal's own image over (taken off again when this goes: overlay, view change,
 * another song). A quiet ♪ when there is no cover.
 */
export const CoverArtBox = memo(function CoverArtBox({ target, columns, rows, row, column }: CoverArtProps) {
  const art = useCoverArt();
  const key = useId();
  const [picture, setPicture] = useState<CoverPicture | null>();
  const targetKey = 'albumId' in target ? `a${target.albumId}` : `s${target.songId}`;
  useEffect(() => {
    if (!art) return;
    let live = true;
    art.source.picture(target, columns, rows).then((p) => live && setPicture(p));
    return () => {
      live = false;
    };
  }, [art, targetKey, columns, rows]); // eslint-disable-line react-hooks/exhaustive-deps
  const image = picture?.kind === 'image' ? picture.picture : undefined;
  useEffect(() => {
    if (!image || !art?.layer) return;
    const layer = art.layer;
    layer.set(key, { row, column, columns, rows, picture: image });
    return () => layer.set(key, undefined);
  }, [art, key, image, row, column, columns, rows]);
  if (picture?.kind === 'cells') {
    return (
      <Box flexDirection="column" width={columns} height={rows} flexShrink={0}>
        {picture.lines.map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
      </Box>
    );
  }
  return (
    <Box width={columns} height={rows} flexShrink={0} alignItems="center" justifyContent="center">
      {picture === null ? <Text dimColor>♪</Text> : null}
    </Box>
  );
});
