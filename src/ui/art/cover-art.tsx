import { Box, Text } from 'ink';
import { memo, useEffect, useId, useMemo, useState } from 'react';
import { paintHalfBlocks } from '../../text/cover-art/half-blocks.js';
import type { CoverPicture, CoverTarget } from '../data/cover-art-source.js';
import { useCoverArt } from './cover-art-context.js';
import { HalfBlockLayer } from './half-block-layer.js';

export interface CoverArtProps {
  target: CoverTarget;
  columns: number;
  rows: number;
  /** Where its top-left cell is on the screen (0-based): images drawn by the terminal go there. */
  row: number;
  column: number;
}

/**
 * A cover in `columns` x `rows` cells: half blocks (as placeholders the half-block layer paints, so
 * Ink's frame stays plain text), or an empty box the image layer draws the terminal's own image
 * over (taken off again when this goes: overlay, view change, another song). A quiet ♪ when there
 * is no cover.
 */
const keyOf = (target: CoverTarget) => ('albumId' in target ? `a${target.albumId}` : `s${target.songId}`);

// Props alike when the cover and its cells are: callers make a new target object every render.
const sameCover = (a: CoverArtProps, b: CoverArtProps) =>
  keyOf(a.target) === keyOf(b.target) && a.columns === b.columns && a.rows === b.rows && a.row === b.row && a.column === b.column;

export const CoverArtBox = memo(function CoverArtBox({ target, columns, rows, row, column }: CoverArtProps) {
  const art = useCoverArt();
  const key = useId();
  const [picture, setPicture] = useState<CoverPicture | null>();
  const targetKey = keyOf(target);
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
  const cells = picture?.kind === 'cells' ? picture.cells : undefined;
  const halfBlocks = cells && art?.halfBlocks && HalfBlockLayer.fits(cells) ? art.halfBlocks : undefined;
  const shown = useMemo(() => {
    if (!cells) return undefined;
    return halfBlocks ? halfBlocks.placeholders(cells) : { slot: undefined, lines: cells.map(paintHalfBlocks) };
  }, [cells, halfBlocks]);
  useEffect(() => {
    if (!halfBlocks || !cells || shown?.slot === undefined) return;
    const { slot } = shown;
    halfBlocks.use(slot, cells);
    return () => halfBlocks.release(slot);
  }, [halfBlocks, cells, shown]);
  if (shown) {
    return (
      <Box flexDirection="column" width={columns} height={rows} flexShrink={0}>
        <Text>{shown.lines.join('\n')}</Text>
      </Box>
    );
  }
  return (
    <Box width={columns} height={rows} flexShrink={0} alignItems="center" justifyContent="center">
      {picture === null ? <Text dimColor>♪</Text> : null}
    </Box>
  );
}, sameCover);
