import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolve.js';
import { isGatewayError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Gateway } from '../gateway/gateway.js';
import { formatJsonPath } from './output.js';

/** Editors save in bursts (truncate, write, rename): wait for the file to settle. */
const DEBOUNCE_MS = 250;

/**
 * Reloads the config when its file changes or on SIGHUP: a valid new config is applied while
 * the agent stays connected; an invalid one is reported and the old one stays in force.
 */
export const watchForReload = (options: {
  readonly file: string;
  readonly load: () => Promise<ResolvedConfig>;
  readonly gateway: Pick<Gateway, 'reconfigure' | 'rejectConfig'>;
  readonly logger: Logger;
}): { close(): void } => {
  const { file, logger, gateway } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let last = '';

  const reload = async (why: string): Promise<void> => {
    let next: ResolvedConfig;
    try {
      next = await options.load();
    } catch (error) {
      const issues = isGatewayError(error)
        ? (error.details?.['issues'] as
            { path: (string | number)[]; message: string }[] | undefined)
        : undefined;
      const detail =
        issues?.map((i) => `${formatJsonPath(i.path)}: ${i.message}`).join('; ') ??
        (error as Error).message;
      logger.error(
        `The changed config was rejected; the previous one stays in force. ${(error as Error).message}${issues === undefined ? '' : `: ${detail}`}`,
      );
      gateway.rejectConfig(`${path.basename(file)}: ${detail}`.slice(0, 1000));
      return;
    }
    const fingerprint = JSON.stringify(next, (_key, value: unknown) =>
      value instanceof RegExp ? value.source : value,
    );
    if (fingerprint === last && why === 'file changed') return;
    last = fingerprint;
    const changes = await gateway.reconfigure(next);
    logger.info(
      `config reloaded (${why}): ${
        [
          changes.added.length > 0 ? `added ${changes.added.join(', ')}` : '',
          changes.removed.length > 0 ? `removed ${changes.removed.join(', ')}` : '',
          changes.restarted.length > 0 ? `restarted ${changes.restarted.join(', ')}` : '',
        ]
          .filter((p) => p !== '')
          .join('; ') || 'no server changed'
      }`,
    );
  };

  const schedule = (why: string): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running
        .then(() => reload(why))
        .catch((error: unknown) => {
          logger.error(`config reload failed: ${(error as Error).message}`);
        });
    }, DEBOUNCE_MS);
  };

  // The folder is watched, not the file: editors replace the file, which ends a file watch.
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(path.dirname(file), (_event, name) => {
      if (name === path.basename(file)) schedule('file changed');
    });
    watcher.on('error', (error) => {
      logger.warn(`not watching ${file} any more: ${error.message}; SIGHUP still reloads`);
    });
  } catch (error) {
    logger.warn(`cannot watch ${file}: ${(error as Error).message}; SIGHUP still reloads`);
  }
  const onHup = (): void => {
    schedule('SIGHUP');
  };
  process.on('SIGHUP', onHup);
  return {
    close: () => {
      clearTimeout(timer);
      watcher?.close();
      process.off('SIGHUP', onHup);
    },
  };
};

/** Watches the config a serving command was started with, reloading it the same way it was loaded. */
export const reloadOnChange = (
  config: ResolvedConfig,
  load: () => Promise<ResolvedConfig>,
  gateway: Pick<Gateway, 'reconfigure' | 'rejectConfig'>,
  logger: Logger,
): { close(): void } =>
  config.file === undefined
    ? { close: () => undefined }
    : watchForReload({ file: config.file, load, gateway, logger });
