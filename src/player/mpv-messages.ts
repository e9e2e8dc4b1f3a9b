/** The slice of mpv's JSON IPC protocol tunes uses, typed. */

export type EndFileReason = 'eof' | 'stop' | 'quit' | 'error' | 'redirect' | 'unknown';

/** Properties we observe; their values arrive as `property-change` events. */
export const OBSERVED_PROPERTIES = ['time-pos', 'duration', 'pause', 'volume', 'mute'] as const;
export type ObservedProperty = (typeof OBSERVED_PROPERTIES)[number];

export type MpvEvent =
  | { event: 'start-file'; playlist_entry_id: number }
  | { event: 'file-loaded' }
  | { event: 'playback-restart' }
  | { event: 'seek' }
  | { event: 'idle' }
  | { event: 'end-file'; reason: EndFileReason; playlist_entry_id: number; file_error?: string }
  | { event: 'property-change'; id: number; name: ObservedProperty; data: number | boolean | null | undefined }
  | { event: 'other'; name: string };

export interface MpvReply {
  request_id: number;
  error: string;
  data?: unknown;
}

export type MpvMessage = { kind: 'reply'; reply: MpvReply } | { kind: 'event'; event: MpvEvent };

const KNOWN_EVENTS = new Set(['start-file', 'file-loaded', 'playback-restart', 'seek', 'idle', 'end-file', 'property-change']);
const END_REASONS = new Set<EndFileReason>(['eof', 'stop', 'quit', 'error', 'redirect']);

/** Turns one line from the socket into a typed message; lines we do not understand are `undefined`. */
export function parseMpvLine(line: string): MpvMessage | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  if (typeof record.event === 'string') return { kind: 'event', event: toEvent(record, record.event) };
  if (typeof record.request_id === 'number' && typeof record.error === 'string') {
    return { kind: 'reply', reply: { request_id: record.request_id, error: record.error, data: record.data } };
  }
  return undefined;
}

function toEvent(record: Record<string, unknown>, name: string): MpvEvent {
  if (!KNOWN_EVENTS.has(name)) return { event: 'other', name };
  switch (name) {
    case 'start-file':
      return { event: 'start-file', playlist_entry_id: Number(record.playlist_entry_id) };
    case 'end-file': {
      const reason = String(record.reason) as EndFileReason;
      return {
        event: 'end-file',
        reason: END_REASONS.has(reason) ? reason : 'unknown',
        playlist_entry_id: Number(record.playlist_entry_id),
        ...(typeof record.file_error === 'string' ? { file_error: record.file_error } : {}),
      };
    }
    case 'property-change':
      return {
        event: 'property-change',
        id: Number(record.id),
        name: String(record.name) as ObservedProperty,
        data: record.data as number | boolean | null | undefined,
      };
    default:
      return { event: name } as MpvEvent;
  }
}
