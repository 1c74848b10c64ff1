import type { BackendPool } from '../backends/backend-pool.js';
import type { ForwardToolCall, ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import { untilAborted } from '../core/until-aborted.js';
import { checkToolReview, type ReviewVerdict } from '../pipeline/scan-content.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { traceStartup } from '../backends/startup-trace.js';

export interface ForwardAfterReviewOptions {
  readonly pool: BackendPool;
  /** The live listing of `server` whose review is in force, if any. */
  readonly reviewedListing: (server: string) => readonly Tool[] | undefined;
  /** Resolves once the catalog refreshes begun so far (reviews: pins, description scan) are done. */
  readonly caughtUp: () => Promise<void>;
  /** Refreshes the catalog once more (reviews what the backends list now). */
  readonly refresh: () => Promise<void>;
  readonly review: (server: string, tool: string) => ReviewVerdict | undefined;
}

/**
 * The pipeline's last step in front of `forward`: a call reaches its backend only once that
 * backend's live listing has been reviewed. On a warm start a call is routed and judged on the
 * cached listing while its backend boots; when the backend then lists a definition that changed
 * against its pin (or now matches the scanner), the call is refused as one made after the
 * listing came in would be, never forwarded. A backend whose listing is reviewed (every call
 * after the first moments) costs two map reads.
 */
export const forwardAfterReview = (
  forward: ForwardToolCall,
  options: ForwardAfterReviewOptions,
): ForwardToolCall => {
  const { pool, reviewedListing } = options;
  const recheck = checkToolReview({ review: options.review });
  const afterReview = async (ctx: ToolCallContext): Promise<ToolCallOutcome> => {
    let tools: readonly Tool[] | undefined;
    try {
      tools = (await pool.backendFor(ctx.server, ctx.signal)).tools;
    } catch {
      // Down, stopped or cancelled: `forward` gives the same answer it gives any call.
      return await forward(ctx);
    }
    // The listing that made the backend ready is reviewed by the catalog refresh it started;
    // one more refresh covers a listing that changed meanwhile (tools/list_changed).
    for (let round = 0; round < 2 && reviewedListing(ctx.server) !== tools; round++) {
      const refreshed = round === 0 ? options.caughtUp() : options.refresh();
      await untilAborted(
        refreshed.catch(() => undefined),
        ctx.signal,
      );
      tools = pool.readyBackend(ctx.server)?.tools;
    }
    traceStartup(`call ${ctx.exposed}: listing reviewed, forwarded`);
    const outcome = await recheck(ctx, () => forward(ctx));
    traceStartup(`call ${ctx.exposed}: ${outcome.kind} from the backend`);
    return outcome;
  };
  return function forwardReviewed(ctx) {
    const backend = pool.readyBackend(ctx.server);
    return backend !== undefined && reviewedListing(ctx.server) === backend.tools
      ? forward(ctx)
      : afterReview(ctx);
  };
};
