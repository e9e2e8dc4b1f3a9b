import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/services/lyrics/decode-text.js';

const text = '[00:01.00]Café — naïve ♪';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(text))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
  });

  it('reads UTF-16 by its BOM, either way round, and without one', () => {
    const le = Buffer.from(text, 'utf16le');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(text);
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
    expect(decodeText(le)).toBe(text);
  });

  it('falls back from invalid UTF-8 to windows-1252', () => {
    expect(decodeText(Buffer.from('[00:01.00]Caf\xe9 cr\xe8me \x93quoted\x94', 'latin1'))).toBe('[00:01.00]Café crème “quoted”');
  });

  it('reads GBK lyrics as the detector says', () => {
    const gbk = Buffer.from('d5e2cac7d2bbb8f6b2e2cad4b5c4b8e8b4caa3acced2c3c7d4dad5e2c0efb3aab8e8a1a3d4c2c1c1b4fab1edced2b5c4d0c4a3acc4e3cecaced2b0aec4e3d3d0b6e0c9eea3acced2b0aec4e3d3d0bcb8b7d6a1a3', 'hex');
    expect(decodeText(gbk)).toBe('这是一个测试的歌词，我们在这里唱歌。月亮代表我的心，你问我爱你有多深，我爱你有几分。');
  });
});
