/**
 * Ends the player after it has been idle (not playing, nobody attached) for `timeoutMs`: one
 * timer, armed when it becomes idle and cleared when it is busy again; nothing runs meanwhile.
 * A timeout of 0 never fires.
 */
export class IdleTimer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
  ) {}

  update(busy: boolean): void {
    if (busy || this.timeoutMs <= 0) return this.clear();
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onIdle();
    }, this.timeoutMs);
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
