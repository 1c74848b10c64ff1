import { isGatewayError } from '../core/errors.js';
import type { ForwardToolCall } from '../core/tool-call.js';
import type { BackendPool } from './backend-pool.js';

/**
 * The pipeline's last step: the call goes to its backend under the backend's own tool name,
 * waiting (within the call's signal) for a backend that is still starting. Backend failures
 * are outcomes; anything else is a bug and propagates.
 */
export const createForward = (pool: BackendPool): ForwardToolCall =>
  async function forward(ctx) {
    try {
      // A ready backend is taken without a wait (or the call's signal, which the wait needs).
      const backend =
        pool.readyBackend(ctx.server) ?? (await pool.backendFor(ctx.server, ctx.signal));
      const cancellation = ctx.cancellation;
      const result = await backend.callTool(ctx.tool, ctx.trace.args, {
        ...(cancellation === undefined ? { signal: ctx.signal } : { cancellation }),
        // A changed timeout restarts the backend, so its own config holds the one in force.
        timeoutMs: backend.config.callTimeoutMs,
        meta: ctx.meta,
        onProgress: ctx.onProgress,
      });
      return { kind: 'ok', result };
    } catch (error) {
      if (isGatewayError(error)) return { kind: 'failed', error };
      throw error;
    }
  };
