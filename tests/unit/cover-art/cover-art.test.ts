import { describe, expect, it } from 'vitest';
import { halfBlockLines, xterm256 } from '../../../src/text/cover-art/half-blocks.js';
import { detectArtProtocol, itermImage, KITTY_DELETE_ALL, kittyImage } from '../../../src/text/cover-art/image-protocols.js';

describe('half blocks', () => {
  it('draws two pixels a cell: the upper as foreground, the lower as background, reset at each line end', () => {
    // 2 x 2 pixels: red over blue, green over white.
    const data = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    expect(halfBlockLines({ data, width: 2, height: 2 }, 'truecolor')).toEqual([
      '\x1b[38;2;255;0;0;48;2;0;0;255m▀\x1b[38;2;0;255;0;48;2;255;255;255m▀\x1b[0m',
    ]);
    expect(halfBlockLines({ data, width: 2, height: 2 }, '256')).toEqual(['\x1b[38;5;196;48;5;21m▀\x1b[38;5;46;48;5;231m▀\x1b[0m']);
  });

  it('picks the nearest xterm-256 colour, greys from the ramp', () => {
    expect(xterm256(0, 0, 0)).toBe(16);
    expect(xterm256(255, 255, 255)).toBe(231);
    expect(xterm256(128, 128, 128)).toBe(244);
    expect(xterm256(255, 135, 0)).toBe(208);
  });
});

describe('terminal image protocols, as documented', () => {
  it('kitty: APC G with a=T,f=100, the cells, no replies, base64 in 4096-byte chunks (m=1 until the last)', () => {
    const png = new Uint8Array(5000).fill(7);
    const escape = kittyImage(png, 24, 12);
    const parts = escape.split('\x1b\\').filter(Boolean);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^\x1b_Ga=T,f=100,q=2,c=24,r=12,m=1;[A-Za-z0-9+/]{4096}$/);
    expect(parts[1]).toMatch(/^\x1b_Gm=0;[A-Za-z0-9+/=]+$/);
    const payload = parts.map((p) => p.slice(p.indexOf(';') + 1)).join('');
    expect(Buffer.from(payload, 'base64')).toEqual(Buffer.from(png));
    expect(KITTY_DELETE_ALL).toBe('\x1b_Ga=d,d=A,q=2\x1b\\');
  });

  it('iTerm2: OSC 1337 File= inline=1 with size and cells, the bytes in base64, ended by BEL', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4]);
    expect(itermImage(bytes, 24, 12)).toBe('\x1b]1337;File=inline=1;size=4;width=24;height=12;preserveAspectRatio=1:AQIDBA==\x07');
  });

  it('detects what the terminal can draw from its environment', () => {
    expect(detectArtProtocol({ TERM: 'xterm-kitty' })).toBe('kitty');
    expect(detectArtProtocol({ TERM: 'xterm-256color', KITTY_WINDOW_ID: '1' })).toBe('kitty');
    expect(detectArtProtocol({ TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app' })).toBe('iterm');
    expect(detectArtProtocol({ TERM: 'tmux-256color', TMUX: '/tmp/x', KITTY_WINDOW_ID: '1', COLORTERM: 'truecolor' })).toBe('halfblocks');
    expect(detectArtProtocol({ TERM: 'screen-256color', TMUX: '/tmp/x' })).toBe('halfblocks-256');
    expect(detectArtProtocol({ TERM: 'xterm-256color', NO_COLOR: '1' })).toBe('off');
    expect(detectArtProtocol({ TERM: 'dumb' })).toBe('off');
    expect(detectArtProtocol({ TERM: 'vt100' })).toBe('off');
  });
});
