import type { Logger } from '../core/logger.js';
import type { Gateway } from '../gateway/gateway.js';

/** How often a serving command checks that the process that started it is still alive. */
const PARENT_CHECK_MS = 2000;

/** Resolves with what ended the session: stdin EOF, SIGINT, SIGTERM, SIGHUP-less parent death. */
export const waitForShutdown = (stdin: NodeJS.ReadableStream | undefined): Promise<string> =>
  new Promise((resolve) => {
    const parent = process.ppid;
    const timer = setInterval(() => {
      // Re-parented to init (or a subreaper): the agent died without closing our stdin.
      if (process.ppid !== parent) done('parent exited');
    }, PARENT_CHECK_MS);
    timer.unref();
    const onSigint = () => {
      done('SIGINT');
    };
    const onSigterm = () => {
      done('SIGTERM');
    };
    const onEnd = () => {
      done('stdin closed');
    };
    function done(why: string): void {
      clearInterval(timer);
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      stdin?.off('end', onEnd);
      stdin?.off('close', onEnd);
      resolve(why);
    }
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
    stdin?.once('end', onEnd);
    stdin?.once('close', onEnd);
    // The agent may have closed stdin while the gateway was still loading (run answers
    // initialize before it has): that end was emitted before anyone listened for it.
    const stream = stdin as { readableEnded?: boolean; destroyed?: boolean } | undefined;
    if (stream?.readableEnded === true || stream?.destroyed === true) onEnd();
  });

/** Serves until shutdown, then closes the gateway; a second signal during that skips the grace periods. */
export const serveUntilShutdown = async (
  gateway: Pick<Gateway, 'close' | 'hurry'>,
  stdin: NodeJS.ReadableStream | undefined,
  logger: Logger,
  beforeClose?: () => Promise<void>,
): Promise<void> => {
  const reason = await waitForShutdown(stdin);
  logger.debug(`shutting down (${reason})`);
  // A signal during the graceful shutdown (the client's own SIGTERM after its grace) means now.
  const hurry = () => {
    gateway.hurry();
  };
  process.on('SIGTERM', hurry);
  process.on('SIGINT', hurry);
  await beforeClose?.();
  await gateway.close();
};
