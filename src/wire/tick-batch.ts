/** The part of a writable stream a TickBatch uses. */
export interface BatchTarget {
  write(chunk: string | Uint8Array): boolean;
  cork(): void;
  uncork(): void;
  readonly writableNeedDrain?: boolean;
}

/**
 * Every line written to one stream in one tick, handed to the stream as one string when the
 * tick ends: one `write()` (one syscall on a pipe) per tick, as corking the stream gave, without
 * the stream's per-write bookkeeping (a buffered request per line, then a vectored write whose
 * native side copies each string into a buffer of its own). Under load it is many lines a
 * tick; one call at a time it is one, and the line leaves as the floor relay's does.
 *
 * Large parts (a 1 MB result's chunks) are not copied into the text: the lines before them are
 * written, then the parts, under a cork that the same end of tick lifts, so the order holds.
 */
export class TickBatch {
  private pending = '';
  private queued = false;
  private corked = false;
  private readonly flush = (): void => {
    this.queued = false;
    const text = this.pending;
    this.pending = '';
    try {
      if (text !== '') this.target().write(text);
    } finally {
      if (this.corked) {
        this.corked = false;
        this.target().uncork();
      }
    }
  };

  /** `target` is read when the tick ends (a child's stdin exists only once it is spawned). */
  constructor(private readonly target: () => BatchTarget) {}

  /**
   * Adds one line (the text of `parts`, then a newline) to this tick's write. False when the
   * stream asked to be waited for ('drain'): the caller may wait, the line is kept either way.
   */
  line(parts: readonly string[]): boolean {
    let text = this.pending;
    for (const part of parts) text += part;
    this.pending = `${text}\n`;
    this.queue();
    return this.target().writableNeedDrain !== true;
  }

  /** Adds text that is whole lines already (it ends with its newline); as `line`. */
  text(lines: string): boolean {
    this.pending += lines;
    this.queue();
    return this.target().writableNeedDrain !== true;
  }

  /** Adds one line given as text and UTF-8 bytes, each part written as it is (not copied). */
  bytes(parts: readonly (string | Uint8Array)[]): boolean {
    const target = this.target();
    if (!this.corked) {
      this.corked = true;
      target.cork();
    }
    this.queue();
    const text = this.pending;
    this.pending = '';
    if (text !== '') target.write(text);
    for (const part of parts) if (part.length > 0) target.write(part);
    return target.write('\n');
  }

  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    process.nextTick(this.flush);
  }
}
