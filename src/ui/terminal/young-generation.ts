import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation at the size it has now (loading the UI's modules leaves it at ~16 MiB).
 * Every key press renders a frame (React + Ink's output builder: a few MB of short-lived objects), and
 * V8 doubles the young generation whenever enough survives its scavenges, up to 2 x 16 MiB semi-spaces:
 * +16 MiB resident for the life of the UI, with no gain a keystroke can see. The growth factor is read
 * each time V8 would grow the space (unlike --max-semi-space-size, fixed when the heap is set up), so
 * setting it now caps the space. Process-wide, which is right here: the UI is the whole process.
 * The cost: more scavenges, ~1.5 ms on a key press's median and ~2.5 ms on a search keystroke at 1M songs
 * (interleaved runs of the ui bench on a busy 2-core machine); remove the call in run.tsx to trade back.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
