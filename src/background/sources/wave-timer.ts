// When a batch of feeds stores what has come so far (feed-batch.ts): a slow source must not hold
// back the others' stories, and a network that answers promptly must still give one wave (one
// clustering pass, in publication order). So a wave is due once the answers pause, or once its
// first answer has waited long enough whatever the others do.

/** A pause this long after the latest answer ends a wave while sources are still out. */
export const WAVE_SETTLE_MS = 2_000;
/** However the answers trickle in, the first of a wave waits no longer than this. */
export const WAVE_HOLD_MS = 10_000;

/** When a wave is due: `settleMs` after the latest answer, or `holdMs` after the wave's first. */
export class WaveTimer {
  private settle: ReturnType<typeof setTimeout> | undefined;
  private hold: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly settleMs: number,
    private readonly holdMs: number,
    private readonly due: () => void,
  ) {}

  answered(): void {
    clearTimeout(this.settle);
    this.settle = setTimeout(this.fire, this.settleMs);
    this.hold ??= setTimeout(this.fire, this.holdMs);
  }

  clear(): void {
    clearTimeout(this.settle);
    clearTimeout(this.hold);
    this.settle = this.hold = undefined;
  }

  private readonly fire = (): void => {
    this.clear();
    this.due();
  };
}
