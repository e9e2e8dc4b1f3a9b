import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/server/log-redaction.js';

describe('request log redaction', () => {
  it('replaces the values of token-like query parameters and keeps the rest as sent', () => {
    expect(redactUrl('/api/songs/1/stream?token=abc123&x=1')).toBe('/api/songs/1/stream?token=[redacted]&x=1');
    expect(redactUrl('/rest/stream.view?u=alice&t=26719a1196d2a940705a59634eb18eab&s=c19b2d&p=enc:736563726574&v=1.16.1&c=app&id=7'))
      .toBe('/rest/stream.view?u=alice&t=[redacted]&s=[redacted]&p=[redacted]&v=1.16.1&c=app&id=7');
    expect(redactUrl('/x?apiKey=k&Signature=s&sig=1&expires=99')).toBe('/x?apiKey=[redacted]&Signature=[redacted]&sig=[redacted]&expires=99');
    expect(redactUrl('/x?%74oken=abc&q=love%20song')).toBe('/x?%74oken=[redacted]&q=love%20song');
    expect(redactUrl('/x?token&token=&q')).toBe('/x?token=[redacted]&token=[redacted]&q');
    expect(redactUrl('/x?%E0%A4%A=1&q=2')).toBe('/x?%E0%A4%A=1&q=2');
    expect(redactUrl('/api/songs')).toBe('/api/songs');
  });
});
