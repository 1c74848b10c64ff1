import { isGatewayError } from '../core/errors.js';
import type { ForwardToolCall, ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import type { Backend, CallOptions } from './backend.js';
import type { BackendPool } from './backend-pool.js';

/**
 * The pipeline's last step: the call goes to its backend under the backend's own tool name,
 * waiting (within the call's signal) for a backend that is still starting. Backend failures
 * are outcomes; anything else is a bug and propagates.
 */
export const createForward = (pool: BackendPool): ForwardToolCall =>
  function forward(ctx) {
    // A ready backend is taken without a wait (or the call's signal, which the wait needs).
    const backend = pool.readyBackend(ctx.server);
    return backend === undefined ? forwardOnceReady(pool, ctx) : callOn(backend, ctx);
  };

const forwardOnceReady = async (
  pool: BackendPool,
  ctx: ToolCallContext,
): Promise<ToolCallOutcome> => {
  let backend: Backend;
  try {
    backend = await pool.backendFor(ctx.server, ctx.signal);
  } catch (error) {
    return failedOf(error);
  }
  return callOn(backend, ctx);
};

// Not an async function: on the hot path each one costs its own promise and frame, and so
// would spreading the options; two literal shapes are built instead. The backend's promise is
// the call's outcome already (a failure included), so it is returned as it is.
const callOn = (backend: Backend, ctx: ToolCallContext): Promise<ToolCallOutcome> => {
  const { cancellation, meta, onProgress } = ctx;
  // A changed timeout restarts the backend, so its own config holds the one in force.
  const timeoutMs = backend.config.callTimeoutMs;
  const options: CallOptions =
    cancellation === undefined
      ? { signal: ctx.signal, timeoutMs, meta, onProgress }
      : { cancellation, timeoutMs, meta, onProgress };
  return backend.callTool(ctx.tool, ctx.trace.args, options);
};

const failedOf = (error: unknown): ToolCallOutcome => {
  if (isGatewayError(error)) return { kind: 'failed', error };
  throw error;
};
