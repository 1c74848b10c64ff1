import type { Writable } from 'node:stream';

/**
 * stdout for the front transport, with every message written in one tick leaving in one
 * write: on Linux a pipe stdout is synchronous, so each write is a syscall on the hot path.
 */
export const corkedPerTick = (stream: Writable): Writable => {
  let corked = false;
  const uncork = (): void => {
    corked = false;
    stream.uncork();
  };
  return new Proxy(stream, {
    get(target, property, receiver) {
      if (property !== 'write') return Reflect.get(target, property, receiver) as unknown;
      return (chunk: unknown, ...rest: unknown[]): boolean => {
        if (!corked) {
          corked = true;
          target.cork();
          process.nextTick(uncork);
        }
        return (target.write as (...args: unknown[]) => boolean)(chunk, ...rest);
      };
    },
  });
};
