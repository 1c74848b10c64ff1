import type { CompiledLimit, CompiledPolicy, PolicyCall } from './compiled-policy.js';
import { candidatesFor } from './rule-index.js';

/** What a rate-limit check says: go (maybe noting an audit-mode overrun) or wait. */
export type RateLimitResult =
  | { ok: true; wouldLimit?: { limitId: string; retryAfterSeconds: number } }
  | { ok: false; limitId: string; retryAfterSeconds: number };

/** The token buckets of one policy; `take` consumes a token from every limit a call matches. */
export interface RateLimiter {
  /** False when the policy has no limits: every call is admitted without asking `take`. */
  readonly limits: boolean;
  take(call: PolicyCall, now: number): RateLimitResult;
}

/** What `take` says of a call no limit matches (shared: results are never changed). */
const ADMITTED: RateLimitResult = Object.freeze({ ok: true });

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Creates token buckets per limit, keyed by server, `server/tool` or agent (`per`), or one per
 * limit without `per`. Buckets start full (`burst`) and refill at `rate`. A call is admitted only
 * when every matching limit has a token, and then takes one from each. In audit mode a call is
 * never refused; an overrun is reported as `wouldLimit`.
 */
export function createRateLimiter(policy: CompiledPolicy): RateLimiter {
  const buckets = new Map<CompiledLimit, Map<string, Bucket>>();
  for (const limit of policy.limits.all) buckets.set(limit, new Map());
  return {
    limits: policy.limits.all.length > 0,
    take(call, now) {
      const limits = candidatesFor(policy.limits, call.server, call.tool);
      if (limits.length === 0) return ADMITTED;
      const touched: Bucket[] = [];
      let worst: { limitId: string; retryAfterSeconds: number } | undefined;
      for (const limit of limits) {
        const bucket = bucketFor(buckets, limit, call, now);
        refill(bucket, limit, now);
        if (bucket.tokens >= 1) {
          touched.push(bucket);
          continue;
        }
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((1 - bucket.tokens) / limit.tokensPerMs / 1000),
        );
        if (worst === undefined || retryAfterSeconds > worst.retryAfterSeconds) {
          worst = { limitId: limit.id, retryAfterSeconds };
        }
      }
      // A refused call takes nothing, so it does not push the other limits' buckets down.
      if (worst !== undefined) {
        return policy.mode === 'audit' ? { ok: true, wouldLimit: worst } : { ok: false, ...worst };
      }
      for (const bucket of touched) bucket.tokens -= 1;
      return ADMITTED;
    },
  };
}

function bucketFor(
  buckets: Map<CompiledLimit, Map<string, Bucket>>,
  limit: CompiledLimit,
  call: PolicyCall,
  now: number,
): Bucket {
  let byKey = buckets.get(limit);
  if (byKey === undefined) {
    byKey = new Map();
    buckets.set(limit, byKey);
  }
  const key = keyFor(limit, call);
  let bucket = byKey.get(key);
  if (bucket === undefined) {
    bucket = { tokens: limit.burst, updatedAt: now };
    byKey.set(key, bucket);
  }
  return bucket;
}

function keyFor(limit: CompiledLimit, call: PolicyCall): string {
  switch (limit.per) {
    case 'server':
      return call.server;
    case 'tool':
      return `${call.server}/${call.tool}`;
    case 'agent':
      // Calls without a named agent share one bucket; '' cannot be an agent name.
      return call.agent ?? '';
    case undefined:
      return '';
  }
}

function refill(bucket: Bucket, limit: CompiledLimit, now: number): void {
  // A clock that steps backwards neither adds nor removes tokens.
  if (now <= bucket.updatedAt) return;
  bucket.tokens = Math.min(
    limit.burst,
    bucket.tokens + (now - bucket.updatedAt) * limit.tokensPerMs,
  );
  bucket.updatedAt = now;
}
