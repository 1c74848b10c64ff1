/** Port: where the gateway's own diagnostics go (stderr in the CLI; never stdout). */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** A backend's stderr line, shown with its `[name]` prefix. */
  backend(server: string, line: string): void;
}

/** A logger that drops everything, for tests and library use. */
export const silentLogger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  backend: () => undefined,
};
