import { GatewayError } from '../core/errors.js';
import type { ConsoleEntry } from './console-registry.js';

/** A failed request's HTTP status (0 when the console did not answer at all). */
export const consoleStatusOf = (error: unknown): number | undefined => {
  if (!(error instanceof GatewayError) || error.code !== 'CONSOLE_UNAVAILABLE') return undefined;
  const status = error.details?.['status'];
  return typeof status === 'number' ? status : undefined;
};

const failure = (status: number, message: string, cause?: unknown): GatewayError =>
  new GatewayError('CONSOLE_UNAVAILABLE', message, { details: { status }, cause });

/** How long the CLI waits for a console before calling it unreachable. */
const TIMEOUT_MS = 5000;

/**
 * Calls a running gateway's console API with its token (what `approvals` and `console` use);
 * a failure is a CONSOLE_UNAVAILABLE error with the status and the console's own words.
 */
export const requestConsole = async <T>(
  entry: Pick<ConsoleEntry, 'url' | 'apiToken'>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(`${entry.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${entry.apiToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw failure(
      0,
      `The gateway's console at ${entry.url} does not answer (${(error as Error).message}); is the gateway still running?`,
      error,
    );
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const said =
      typeof parsed === 'object' && parsed !== null && 'error' in parsed
        ? String(parsed.error)
        : text.slice(0, 200);
    throw failure(response.status, `The gateway's console at ${entry.url} said: ${said}`);
  }
  return parsed as T;
};
