/** Waits for `promise`, or until `signal` aborts (then rejects with its reason); no signal: just waits. */
export const untilAborted = async (
  promise: Promise<void>,
  signal: AbortSignal | undefined,
): Promise<void> => {
  if (signal === undefined) {
    await promise;
    return;
  }
  signal.throwIfAborted();
  let onAbort: () => void = () => undefined;
  try {
    await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => {
        onAbort = () => {
          reject(signal.reason as Error);
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
};
