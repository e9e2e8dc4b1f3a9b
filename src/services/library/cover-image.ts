import { createHash } from 'node:crypto';

/** Folder images that are an album's cover, best first (any case): cover, folder, front, album. */
const COVER_NAMES = ['cover', 'folder', 'front', 'album'];
const COVER_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'];

/** The rank of a file name as a folder cover (lower is better), or undefined when it is none. */
export function folderCoverRank(fileName: string): number | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const name = COVER_NAMES.indexOf(fileName.slice(0, dot).toLowerCase());
  const ext = COVER_EXTENSIONS.indexOf(fileName.slice(dot + 1).toLowerCase());
  return name < 0 || ext < 0 ? undefined : name * COVER_EXTENSIONS.length + ext;
}

/** The best folder cover among `fileNames`, if any. */
export function bestFolderCover(fileNames: readonly string[]): string | undefined {
  let best: { name: string; rank: number } | undefined;
  for (const name of fileNames) {
    const rank = folderCoverRank(name);
    if (rank !== undefined && (!best || rank < best.rank || (rank === best.rank && name < best.name))) best = { name, rank };
  }
  return best?.name;
}

/** What an image's first bytes say it is (JPEG, PNG, WebP, GIF), whatever its name or tag claims. */
export function imageMime(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'image/gif';
  return undefined;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The content hash a cover is stored once by. */
export function imageHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const MIME_EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};
