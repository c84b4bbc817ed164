/**
 * One status line on a terminal's stderr, redrawn in place (`\r`, erase to the end of the line)
 * as a long step moves on, and erased before anything else is printed and when the step ends.
 * Off (draws nothing) when stderr is not a terminal: a pipe or a log file gets no such line.
 */
export class ProgressLine {
  #drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    /** Whether to draw at all: stderr is a terminal and the user did not ask for quiet. */
    readonly enabled: boolean,
    private readonly columns: () => number = () => process.stderr.columns || 80,
  ) {}

  /** Draws `text` in place of the previous line, cut to the terminal's width (a wrapped line would not be redrawn in place). */
  show(text: string): void {
    if (!this.enabled) return;
    this.write(`\r\x1b[K${text.slice(0, Math.max(20, this.columns() - 1))}`);
    this.#drawn = true;
  }

  /** Erases the line, if one is drawn, so that the next output starts on a clean line. */
  clear(): void {
    if (this.#drawn) this.write("\r\x1b[K");
    this.#drawn = false;
  }

  /** `print` preceded by erasing the line: for warnings and logs printed while the line is drawn. */
  before<A extends unknown[]>(print: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      this.clear();
      print(...args);
    };
  }
}
