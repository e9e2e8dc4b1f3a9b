import type { Endpoint, SubsonicContext } from './context.js';

export function systemEndpoints({ transcoder }: SubsonicContext): Endpoint[] {
  return [
    { name: 'ping', handler: async () => ({}) },
    { name: 'getLicense', handler: async () => ({ license: { valid: true } }) },
    {
      name: 'getOpenSubsonicExtensions',
      handler: async () => {
        const extensions = [
          { name: 'apiKeyAuthentication', versions: [1] },
          { name: 'formPost', versions: [1] },
          { name: 'songLyrics', versions: [1] },
        ];
        // Only when ffmpeg is there: without it every stream is the original file.
        if (await transcoder.available()) extensions.push({ name: 'transcodeOffset', versions: [1] });
        return { openSubsonicExtensions: extensions };
      },
    },
  ];
}
