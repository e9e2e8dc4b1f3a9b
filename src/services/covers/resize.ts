import { TunesError } from '../../errors.js';

type Sharp = (typeof import('sharp'))['default'];
let sharpPromise: Promise<Sharp> | undefined;

/** sharp is a native library: loaded only when a cover is resized. */
function loadSharp(): Promise<Sharp> {
  sharpPromise ??= import('sharp').then(
    (module) => module.default,
    (cause: unknown) => {
      sharpPromise = undefined;
      throw new TunesError('dependency_missing', `resizing covers needs sharp, which did not load: ${String(cause).split('\n')[0]}`);
    },
  );
  return sharpPromise;
}

/**
 * The image fitted inside `size` x `size` pixels, as `format`; undefined when it is that small already
 * (a cover is never enlarged).
 */
export async function resizeImage(bytes: Uint8Array, size: number, format: string): Promise<Buffer | undefined> {
  const sharp = await loadSharp();
  let image;
  let width: number | undefined;
  let height: number | undefined;
  try {
    image = sharp(bytes, { failOn: 'none' });
    ({ width, height } = await image.metadata());
  } catch (cause) {
    throw new TunesError('io', `the cover image cannot be decoded: ${String(cause).split('\n')[0]}`);
  }
  if (width !== undefined && height !== undefined && width <= size && height <= size) return undefined;
  const fitted = image.rotate().resize(size, size, { fit: 'inside', withoutEnlargement: true });
  if (format === 'png') return fitted.png().toBuffer();
  if (format === 'webp') return fitted.webp({ quality: 85 }).toBuffer();
  return fitted.flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer();
}

/** Raw RGB pixels of the image scaled to exactly `width` x `height` (letterboxed on black to keep its shape). */
export async function coverPixels(bytes: Uint8Array, width: number, height: number): Promise<{ data: Buffer; width: number; height: number }> {
  const sharp = await loadSharp();
  try {
    const { data, info } = await sharp(bytes, { failOn: 'none' })
      .rotate()
      .resize(width, height, { fit: 'contain', background: { r: 0, g: 0, b: 0 } })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (cause) {
    throw new TunesError('io', `the cover image cannot be decoded: ${String(cause).split('\n')[0]}`);
  }
}

/** The image as PNG fitted inside `size` x `size` (for terminals that draw images themselves). */
export async function coverPng(bytes: Uint8Array, size: number): Promise<Buffer> {
  const sharp = await loadSharp();
  try {
    return await sharp(bytes, { failOn: 'none' }).rotate().resize(size, size, { fit: 'inside', withoutEnlargement: true }).png().toBuffer();
  } catch (cause) {
    throw new TunesError('io', `the cover image cannot be decoded: ${String(cause).split('\n')[0]}`);
  }
}
