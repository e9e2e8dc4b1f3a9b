/** 3:07, or 1:02:03 past an hour; "--:--" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '--:--';
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Cuts `text` to `width` columns with an ellipsis, padding shorter text so columns line up. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text.padEnd(width);
  return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}

export function progressBar(fraction: number, width: number): string {
  if (width <= 0) return '';
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '━'.repeat(filled) + '─'.repeat(width - filled);
}
