// Places among the requests in flight: a batch of sources asks at most six at a time. Only the
// request holds a place (SourceRequest.slot): a source's permission check, the read of its stored
// items, the network log and the parse of its answer run beside the others' requests. When each
// source held a place for all of that, a 100-source refresh in Chromium kept six places busy 37 ms
// a source for a 12 ms request, and its fetch phase was half idle.

export class RequestSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  /** Resolves with a place, in the order asked; the function answered gives it back (once, however often called). */
  readonly take = async (): Promise<() => void> => {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  };
}
