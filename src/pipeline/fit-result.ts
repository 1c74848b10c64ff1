import { cutNote, planCut, textFits, withNote } from '../core/results/cut-result.js';
import type { Middleware, ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';

/** The result limit of the session that made a call. */
export interface ResultLimit {
  readonly bytes: number;
  /** The client as the note names it. */
  readonly client: string;
}

/** Where the whole text of a cut result went: its resource URI, or why it could not be kept. */
export type KeptText = { readonly uri: string } | { readonly reason: string };

export interface FitResultOptions {
  /** The limit of the session behind the call; undefined (the common case): send it whole. */
  readonly limitFor: (ctx: ToolCallContext) => ResultLimit | undefined;
  /** Keeps the whole text for that session, readable as a resource until the session ends. */
  readonly keep: (ctx: ToolCallContext, text: string, bytes: number) => Promise<KeptText>;
}

/**
 * Fits a result to the client's size limit: the text is cut cleanly, a note says how much was
 * left out and where to read it, and the whole text is kept as a resource. It runs inside the
 * audit step and outside the scanner: the scanner has seen the whole result, and the `result`
 * record describes the whole result and names the cut (`ctx.trace.cut`).
 */
export const fitResult = (options: FitResultOptions): Middleware =>
  function fitResult(ctx, next) {
    // Most sessions have no limit: their calls pass straight through, without a step of their own.
    const limit = options.limitFor(ctx);
    return limit === undefined ? next() : fitTo(limit, options, ctx, next);
  };

const fitTo = async (
  limit: ResultLimit,
  options: FitResultOptions,
  ctx: ToolCallContext,
  next: () => Promise<ToolCallOutcome>,
): Promise<ToolCallOutcome> => {
  const outcome = await next();
  if (outcome.kind !== 'ok' || textFits(outcome.result, limit.bytes)) return outcome;
  const plan = planCut(outcome.result, limit.bytes);
  const kept = await options.keep(ctx, plan.text, plan.totalBytes);
  ctx.trace.cut = {
    full: outcome.result,
    shownBytes: plan.shownBytes,
    totalBytes: plan.totalBytes,
    uri: 'uri' in kept ? kept.uri : undefined,
  };
  const note = cutNote({
    client: limit.client,
    limit: limit.bytes,
    shownBytes: plan.shownBytes,
    totalBytes: plan.totalBytes,
    kept,
    readLength: limit.bytes,
  });
  return { ...outcome, result: withNote(plan.shown, note) };
};
