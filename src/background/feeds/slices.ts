// Long work in the background worker, cut into slices: a hundred sources' first fetch clusters
// thousands of items and builds thousands of story records, seconds of work in one go. The worker
// answers every page's messages on the same thread, so a page opened meanwhile would wait that
// long for its launcher. Work that calls `turn()` between its steps gives the event loop a turn
// every SLICE_MS; the steps and their order stay the same, so the result does too.

/** How long a slice runs before others get a turn: under the 50 ms a task may take unnoticed. */
export const SLICE_MS = 40;

export class Slices {
  private started = performance.now();
  /** How many times the work gave way. */
  turns = 0;

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** Resolves at once while the slice lasts; past it, after the event loop has had a turn. */
  async turn(): Promise<void> {
    if (performance.now() - this.started < this.sliceMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.turns++;
    this.started = performance.now();
  }
}
