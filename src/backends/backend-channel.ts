import type {
  Transport,
  TransportSendOptions,
} from '@modelcontextprotocol/sdk/shared/transport.js';
import type {
  CallToolResult,
  JSONRPCMessage,
  Progress,
  RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import { CallTable } from '../core/call-table.js';
import { GatewayError } from '../core/errors.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../core/json-depth.js';
import type { CallCancellation, CancelListener, ToolCallOutcome } from '../core/tool-call.js';
import { toolResultProblem } from '../core/tool-result-problem.js';
import {
  isJsonTextWriter,
  isRawMessage,
  toSdkMessage,
  type JsonTextWriter,
  type RawMessage,
} from '../wire/json-lines.js';

/** Options of one tools/call sent on the hot path. */
export interface HotCallOptions {
  readonly timeoutMs: number;
  /** The agent cancelled: the backend is told, the call ends. */
  readonly signal?: AbortSignal | undefined;
  /** The same without an AbortSignal (cheaper to listen on); used instead of `signal` when set. */
  readonly cancellation?: CallCancellation | undefined;
  /** Progress the backend reports, for the agent; absent when the agent asked for none. */
  readonly onProgress?: ((progress: Progress) => void) | undefined;
  readonly meta?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * One hot call waiting for its answer. A class whose instance listens for the agent's
 * cancellation itself (no closure per call to listen, nor one to stop listening).
 */
class PendingCall implements CancelListener {
  relayedProgress = false;
  /** The cancellation listened on, until the call settles. */
  listening: CallCancellation | undefined = undefined;
  /** Stops listening on an AbortSignal (the path without a CallCancellation). */
  stopSignal: (() => void) | undefined = undefined;

  constructor(
    private readonly channel: BackendChannel,
    readonly id: number,
    /** Settles the call's one promise: a result or a failure, never a rejection. */
    readonly resolve: (outcome: ToolCallOutcome) => void,
    readonly timeoutMs: number,
    public deadline: number,
    /** With progress, the deadline moves on with each report, up to this. */
    readonly hardDeadline: number,
    readonly onProgress: ((progress: Progress) => void) | undefined,
  ) {}

  callCancelled(reason: unknown): void {
    this.channel.cancelCall(this, reason);
  }
}

/**
 * What a Promise's executor was given, taken out by the caller at once: one executor shared by
 * every call rather than a closure made for each (it runs synchronously, inside `new Promise`).
 */
let captured: ((outcome: ToolCallOutcome) => void) | undefined;
const capture = (resolve: (outcome: ToolCallOutcome) => void): void => {
  captured = resolve;
};

/** The prefix of the progress tokens the gateway hands out; the rest is the call's id. */
const TOKEN_PREFIX = 'mcp-gateway-';

/**
 * The one channel to a backend: the SDK Client talks through it (initialize, listings,
 * prompts, resources, sampling relays), and tools/call bypasses the Client. The gateway owns
 * the backend's request id space: the Client's requests and the hot calls are numbered from
 * one counter, and each response goes back to whoever sent its request. A hot call costs one
 * write, one `JSON.parse` of the answer (by the transport), no schema validation of the
 * result, and no timer of its own (one timer per channel watches every deadline).
 */
export class BackendChannel implements Transport {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage) => void) | undefined;

  private nextId = 0;
  /** Our id → the Client's id, for requests the Client sent. */
  private readonly clientIds = new Map<number, RequestId>();
  /** The Client's id → ours, to translate its cancellations. */
  private readonly ourIds = new Map<RequestId, number>();
  /** Hot calls by our id (a table of slots, not a Map: see CallTable). */
  private readonly calls = new CallTable<PendingCall>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private closed = false;
  /** The transport itself when it takes JSON text (a child's stdio): calls skip its promise. */
  private readonly textOut: JsonTextWriter | undefined;

  constructor(
    private readonly inner: Transport,
    private readonly server: string,
  ) {
    this.textOut = isJsonTextWriter(inner) ? inner : undefined;
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  async start(): Promise<void> {
    const { onclose, onerror } = this.inner;
    this.inner.onmessage = (message) => {
      this.receive(message);
    };
    this.inner.onerror = (error) => {
      onerror?.(error);
      this.onerror?.(error);
    };
    this.inner.onclose = () => {
      onclose?.();
      this.closed = true;
      this.failAll();
      this.onclose?.();
    };
    await this.inner.start();
  }

  /** What the Client sends: its requests get our ids, its cancellations name them. */
  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if ('method' in message && 'id' in message) {
      const id = ++this.nextId;
      this.clientIds.set(id, message.id);
      this.ourIds.set(message.id, id);
      return this.inner.send({ ...message, id }, options);
    }
    if ('method' in message && message.method === 'notifications/cancelled') {
      const requestId = message.params?.['requestId'];
      const ours = requestId === undefined ? undefined : this.ourIds.get(requestId as RequestId);
      if (ours !== undefined)
        return this.inner.send(
          { ...message, params: { ...message.params, requestId: ours } },
          options,
        );
    }
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * One tools/call straight to the backend: the outcome is the result as the backend wrote it,
   * or the failure (a GatewayError naming the backend). One promise per call, never rejected:
   * each layer that would map a rejection or wrap the result costs another promise and tick.
   */
  callTool(params: Record<string, unknown>, options: HotCallOptions): Promise<ToolCallOutcome> {
    if (this.closed) return Promise.resolve(failedOf(this.connectionClosed()));
    const { cancellation, signal } = options;
    if (cancellation === undefined ? signal?.aborted === true : cancellation.cancelled)
      return Promise.resolve(
        failedOf(
          this.cancelledError(
            cancellation === undefined ? signal?.reason : new Error('the agent cancelled the call'),
          ),
        ),
      );
    const id = ++this.nextId;
    const now = performance.now();
    const onProgress = options.onProgress;
    if (onProgress !== undefined) {
      // The agent's own token is restored by the front; the backend sees one of ours.
      params['_meta'] = { ...options.meta, progressToken: `${TOKEN_PREFIX}${id}` };
    } else if (options.meta !== undefined) {
      params['_meta'] = options.meta;
    }
    const promise = new Promise<ToolCallOutcome>(capture);
    const resolve = captured as (outcome: ToolCallOutcome) => void;
    captured = undefined;
    const call = new PendingCall(
      this,
      id,
      resolve,
      options.timeoutMs,
      now + options.timeoutMs,
      now + options.timeoutMs * (onProgress === undefined ? 1 : 10),
      onProgress,
    );
    if (cancellation !== undefined) {
      call.listening = cancellation;
      cancellation.onCancel(call);
    } else if (signal !== undefined) {
      const onAbort = (): void => {
        this.cancelCall(call, signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      call.stopSignal = () => {
        signal.removeEventListener('abort', onAbort);
      };
    }
    this.calls.set(id, call);
    this.armTimer(call.deadline);
    this.sendCall(call, params);
    return promise;
  }

  /** The call's request, as text straight onto a child's stdin, else through the transport. */
  private sendCall(call: PendingCall, params: Record<string, unknown>): void {
    const out = this.textOut;
    if (out === undefined) {
      this.inner
        .send({ jsonrpc: '2.0', id: call.id, method: 'tools/call', params })
        .catch((error: unknown) => {
          this.failToSend(call, error);
        });
      return;
    }
    try {
      // What JSON.stringify of the request writes, without the request object or a flat copy.
      out.writeJsonText([
        `{"jsonrpc":"2.0","id":${String(call.id)},"method":"tools/call","params":${JSON.stringify(params)}}`,
      ]);
    } catch (error) {
      this.failToSend(call, error);
    }
  }

  /** The request did not leave: the call ends with the reason, unless it ended already. */
  private failToSend(call: PendingCall, error: unknown): void {
    if (!this.calls.has(call.id)) return;
    this.settle(call);
    call.resolve(failedOf(this.cancelledError(error)));
  }

  private receive(raw: unknown): void {
    if (isRawMessage(raw)) {
      if (raw.method === undefined) {
        if (typeof raw.id === 'number' && this.takeResponse(raw.id, raw)) return;
      } else if (raw.method === 'notifications/progress' && this.takeProgress(raw)) {
        return;
      }
    }
    // The SDK walks what it gets recursively (its schemas; JSON.stringify when it reports a
    // response it did not expect): a message nested 100,000 deep overflowed the stack and took
    // the gateway down. Nothing deeper than the gateway inspects reaches it.
    if (exceedsJsonDepth(raw)) {
      this.onerror?.(
        new Error(`dropped a message nested deeper than ${String(MAX_JSON_DEPTH)} levels`),
      );
      return;
    }
    const checked = toSdkMessage(raw);
    if (!checked.ok) {
      this.onerror?.(checked.error);
      return;
    }
    const message = checked.message;
    // A response to the Client's own request goes back under the Client's id.
    if (!('method' in message) && 'id' in message && typeof message.id === 'number') {
      const clientId = this.clientIds.get(message.id);
      if (clientId !== undefined) {
        this.clientIds.delete(message.id);
        this.ourIds.delete(clientId);
        this.onmessage?.({ ...message, id: clientId });
        return;
      }
    }
    this.onmessage?.(message);
  }

  private takeResponse(id: number, raw: RawMessage): boolean {
    const call = this.calls.get(id);
    if (call === undefined) return false;
    this.settle(call);
    if (raw.error !== undefined) {
      call.resolve(
        failedOf(
          !isRawMessage(raw.error)
            ? this.malformed('an error that is not an object')
            : exceedsJsonDepth(raw.error)
              ? this.malformed(`an error nested deeper than ${String(MAX_JSON_DEPTH)} levels`)
              : this.backendError(raw.error),
        ),
      );
      return true;
    }
    // Nothing a backend writes is trusted: a result the steps after this one cannot take whole
    // (or the scanner cannot read whole) is refused here, naming the backend.
    const problem = toolResultProblem(raw.result);
    if (problem !== undefined) {
      call.resolve(failedOf(this.malformed(problem)));
      return true;
    }
    const outcome: ToolCallOutcome = { kind: 'ok', result: raw.result as CallToolResult };
    if (!call.relayedProgress) {
      call.resolve(outcome);
      return true;
    }
    // The last progress leaves in its own write: an SDK client that reads a progress
    // notification in the same chunk as the response handles the response first and drops it.
    setImmediate(() => {
      call.resolve(outcome);
    });
    return true;
  }

  private takeProgress(raw: RawMessage): boolean {
    const params = raw.params as Record<string, unknown> | undefined;
    const token = params?.['progressToken'];
    if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return false;
    const call = this.calls.get(Number(token.slice(TOKEN_PREFIX.length)));
    if (call?.onProgress === undefined) return true;
    const progress: Record<string, unknown> = { ...params };
    delete progress['progressToken'];
    // Progress shows the backend is alive: its deadline starts again, within the hard cap.
    call.deadline = Math.min(performance.now() + call.timeoutMs, call.hardDeadline);
    call.relayedProgress = true;
    call.onProgress(progress as unknown as Progress);
    return true;
  }

  /** The agent cancelled `call` (PendingCall.callCancelled): the backend is told, the call ends. */
  cancelCall(call: PendingCall, reason: unknown): void {
    if (!this.calls.has(call.id)) return;
    this.settle(call);
    this.inner
      .send({
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: call.id, reason: String(reason) },
      })
      .catch(() => undefined);
    call.resolve(failedOf(this.cancelledError(reason)));
  }

  /** The call could not be made or finished (the agent cancelled, the request did not leave). */
  private cancelledError(reason: unknown): GatewayError {
    return new GatewayError(
      'BACKEND_UNAVAILABLE',
      `Backend "${this.server}" could not take the call: ${reason instanceof Error ? reason.message : String(reason)}`,
      { cause: reason, details: { server: this.server } },
    );
  }

  private settle(call: PendingCall): void {
    this.calls.delete(call.id);
    const listening = call.listening;
    if (listening !== undefined) {
      call.listening = undefined;
      listening.offCancel(call);
    }
    call.stopSignal?.();
  }

  /** One timer for every call: it fires at the earliest deadline and re-arms for the next. */
  private armTimer(at: number): void {
    if (at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(this.onTimer, Math.max(0, at - performance.now()));
    this.timer.unref();
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const call of this.calls.values()) {
      if (call.deadline <= now) this.timeOut(call);
      else next = Math.min(next, call.deadline);
    }
    if (next !== Infinity) this.armTimer(next);
  };

  private timeOut(call: PendingCall): void {
    this.settle(call);
    this.inner
      .send({
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: call.id, reason: 'Request timed out' },
      })
      .catch(() => undefined);
    call.resolve(
      failedOf(
        new GatewayError(
          'CALL_TIMEOUT',
          `Backend "${this.server}" did not answer within ${call.timeoutMs} ms; the call was cancelled.`,
          { details: { server: this.server } },
        ),
      ),
    );
  }

  private failAll(): void {
    clearTimeout(this.timer);
    this.timerAt = Infinity;
    for (const call of this.calls.values()) {
      this.settle(call);
      call.resolve(failedOf(this.connectionClosed()));
    }
  }

  private connectionClosed(): GatewayError {
    return new GatewayError(
      'BACKEND_EXITED',
      `Backend "${this.server}" closed the connection while the call was running.`,
      { details: { server: this.server } },
    );
  }

  private malformed(what: string): GatewayError {
    return new GatewayError(
      'BACKEND_PROTOCOL',
      `Backend "${this.server}" answered tools/call with ${what}; nothing of it was passed on.`,
      { details: { server: this.server } },
    );
  }

  private backendError(error: unknown): GatewayError {
    const e = (isRawMessage(error) ? error : {}) as {
      code?: unknown;
      message?: unknown;
      data?: unknown;
    };
    const message =
      typeof e.message === 'string' ? e.message : 'the backend answered with an error';
    return new GatewayError('BACKEND_ERROR', message, {
      details: {
        server: this.server,
        rpcCode: typeof e.code === 'number' ? e.code : undefined,
        rpcData: e.data,
      },
    });
  }
}

const failedOf = (error: GatewayError): ToolCallOutcome => ({ kind: 'failed', error });
