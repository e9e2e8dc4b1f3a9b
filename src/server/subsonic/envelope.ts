import type { FastifyReply } from 'fastify';

/** The protocol version tunes speaks, and its own version as OpenSubsonic's serverVersion. */
export const SUBSONIC_VERSION = '1.16.1';
export const SERVER_VERSION = '0.1.0';
const XMLNS = 'http://subsonic.org/restapi';

/**
 * One response object renders as XML, JSON and JSONP, the way Subsonic's schema and Navidrome do:
 * a scalar is an XML attribute (a JSON field), an object is a child element, an array is repeated
 * child elements (a JSON array), and a field named `value` is the element's text (genre, lyrics).
 */
export type SubsonicValue = string | number | boolean | null | undefined | SubsonicObject | SubsonicValue[];
export interface SubsonicObject {
  [name: string]: SubsonicValue;
}

/** Subsonic's error codes (status "failed"). */
export const ErrorCode = {
  generic: 0,
  missingParameter: 10,
  clientTooOld: 20,
  serverTooOld: 30,
  wrongCredentials: 40,
  tokenAuthNotSupported: 41,
  authMechanismNotSupported: 42,
  conflictingAuth: 43,
  invalidApiKey: 44,
  notAuthorised: 50,
  notFound: 70,
} as const;

export class SubsonicFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** An answer as sent: kept whole by reply-cache.ts. */
export interface RenderedReply {
  contentType: string;
  body: Buffer;
}

export type SubsonicFormat = { kind: 'xml' } | { kind: 'json' } | { kind: 'jsonp'; callback: string };

const CALLBACK = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** `f=` as sent: xml (the default), json, or jsonp with a callback that is a plain JS name (no script injection). */
export function formatOf(f: string | undefined, callback: string | undefined): SubsonicFormat {
  if (f === 'json') return { kind: 'json' };
  if (f === 'jsonp' && callback !== undefined && callback.length <= 100 && CALLBACK.test(callback)) return { kind: 'jsonp', callback };
  if (f === 'jsonp') return { kind: 'json' };
  return { kind: 'xml' };
}

function envelope(status: 'ok' | 'failed'): SubsonicObject {
  return { status, version: SUBSONIC_VERSION, type: 'tunes', serverVersion: SERVER_VERSION, openSubsonic: true };
}

export function sendOk(reply: FastifyReply, format: SubsonicFormat, body: SubsonicObject = {}): FastifyReply {
  return sendRendered(reply, renderOk(format, body));
}

export function sendFailure(reply: FastifyReply, format: SubsonicFormat, code: number, message: string): FastifyReply {
  return sendRendered(reply, render(format, { ...envelope('failed'), error: { code, message } }));
}

/** A successful answer as the bytes sent, so it can be kept and sent again (reply-cache.ts). */
export function renderOk(format: SubsonicFormat, body: SubsonicObject = {}): RenderedReply {
  return render(format, { ...envelope('ok'), ...body });
}

export function sendRendered(reply: FastifyReply, rendered: RenderedReply): FastifyReply {
  // Subsonic answers 200 even for errors: clients read `status`, and several treat other codes as a dead server.
  return reply.code(200).header('cache-control', 'no-store').type(rendered.contentType).send(rendered.body);
}

function render(format: SubsonicFormat, response: SubsonicObject): RenderedReply {
  switch (format.kind) {
    case 'json':
      return { contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify({ 'subsonic-response': response })) };
    case 'jsonp':
      return {
        contentType: 'application/javascript; charset=utf-8',
        body: Buffer.from(`${format.callback}(${JSON.stringify({ 'subsonic-response': response })});`),
      };
    case 'xml':
      return { contentType: 'text/xml; charset=utf-8', body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${toXml('subsonic-response', response, XMLNS)}`) };
  }
}

/** One element (and its children) as XML text. */
export function toXml(name: string, value: SubsonicObject, xmlns?: string): string {
  let attributes = xmlns === undefined ? '' : ` xmlns="${XMLNS}"`;
  let children = '';
  let text = '';
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || field === null) continue;
    if (key === 'value' && typeof field !== 'object') text = escapeXml(String(field));
    else if (Array.isArray(field)) children += field.map((item) => elementOf(key, item)).join('');
    else if (typeof field === 'object') children += toXml(key, field);
    else attributes += ` ${key}="${escapeXml(String(field))}"`;
  }
  return children === '' && text === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${text}${children}</${name}>`;
}

function elementOf(name: string, item: SubsonicValue): string {
  if (item === undefined || item === null) return '';
  if (Array.isArray(item)) return item.map((inner) => elementOf(name, inner)).join('');
  if (typeof item === 'object') return toXml(name, item);
  return `<${name}>${escapeXml(String(item))}</${name}>`;
}

// Control characters other than tab/newline are not allowed in XML 1.0 at all: dropped.
const XML_UNSAFE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(XML_UNSAFE, (char) => XML_ESCAPES[char] ?? '');
}
