import { describe, expect, it } from 'vitest';
import { ListenTracker } from '../../../src/services/playback/listen-tracker.js';

const tracker = (durationMs: number | null = 10_000) => new ListenTracker(1, 7, durationMs, new Date(0));

describe('ListenTracker', () => {
  it('adds up forward steps of the position', () => {
    const t = tracker();
    for (const s of [0, 0.1, 0.2, 0.35, 0.5, 1.0, 1.5]) t.position(s);
    expect(t.msPlayed).toBe(1500);
  });

  it('ignores null positions, backwards steps and big jumps (seeks), and restarts the chain after a seek event', () => {
    const t = tracker();
    t.position(0);
    t.position(null);
    t.position(1);
    t.position(6); // a seek we were not told about
    t.position(6.5);
    t.seeked();
    t.position(2);
    t.position(2.25);
    t.position(1.5); // backwards
    t.position(1.75);
    expect(t.msPlayed).toBe(1000 + 500 + 250 + 250);
  });

  it('counts the buffered tail when the file reached its end, using mpv\'s duration when known', () => {
    const t = tracker(800);
    t.position(0);
    t.position(0.4);
    t.reachedEnd();
    expect(t.msPlayed).toBe(800);

    const decoded = tracker(5_000);
    decoded.duration(0.9);
    decoded.position(0);
    decoded.position(0.5);
    decoded.reachedEnd();
    expect(decoded.msPlayed).toBe(900);
  });

  it('credits no tail after a seek with no position since, or when the length is unknown', () => {
    const t = tracker(10_000);
    t.position(0);
    t.position(1);
    t.seeked();
    t.reachedEnd();
    expect(t.msPlayed).toBe(1000);
    const unknown = tracker(null);
    unknown.position(0);
    unknown.position(1);
    unknown.reachedEnd();
    expect(unknown.msPlayed).toBe(1000);
  });
  it('never counts more than the song lasts, even when it loops (repeat one)', () => {
    const t = tracker(1_000);
    for (let loop = 0; loop < 3; loop += 1) for (const s of [0, 0.25, 0.5, 0.75, 0.99]) t.position(s);
    expect(t.msPlayed).toBe(1_000);
  });
});
