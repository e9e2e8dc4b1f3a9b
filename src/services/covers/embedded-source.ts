import { imageHash } from '../library/cover-image.js';

/** The picture with this content hash embedded in the audio file at `path`, if it is still there. */
export async function readEmbeddedPicture(path: string, hash: string): Promise<Uint8Array | undefined> {
  try {
    // Loaded on first use only: most commands never read tags.
    const { parseFile } = await import('music-metadata');
    const { common } = await parseFile(path, { duration: false, skipCovers: false });
    return common.picture?.find((picture) => imageHash(picture.data) === hash)?.data;
  } catch {
    return undefined; // gone, unreadable, or no longer holding it: the caller tries elsewhere
  }
}
