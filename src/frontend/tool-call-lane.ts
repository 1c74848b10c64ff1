import type {
  Transport,
  TransportSendOptions,
} from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  ErrorCode,
  type JSONRPCMessage,
  type MessageExtraInfo,
  type Progress,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import { CallTable } from '../core/call-table.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../core/json-depth.js';
import type {
  CallCancellation,
  CancelListener,
  JsonText,
  ToolCallOutcome,
} from '../core/tool-call.js';
import {
  isJsonTextWriter,
  isRawMessage,
  toSdkMessage,
  type JsonTextWriter,
  type RawMessage,
} from '../wire/json-lines.js';
import { invalidMessageAnswers, isValidRequestId } from './invalid-message-answers.js';
import { isJsonBytesWriter, type JsonBytesWriter } from './stdio-front-transport.js';
import { toMcpResponse, toMcpResponseJson } from './to-mcp-response.js';

/** One tools/call as the agent sent it. */
export interface IncomingCall {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  /** Aborted when the agent cancels the call or goes away. */
  readonly signal: AbortSignal;
  /** The same, without making a signal (the hot path listens here); absent: use `signal`. */
  readonly cancellation?: CallCancellation | undefined;
  /** Relays a backend's progress to the agent under the agent's own token; absent without one. */
  readonly onProgress: ((progress: Progress) => void) | undefined;
  /** The agent's JSON-RPC id; absent for calls the CLI makes itself. */
  readonly requestId?: RequestId | undefined;
  /** The connection it came on (session id, protocol version), for telemetry. */
  readonly connection?: AgentConnection | undefined;
  /**
   * Has `task(key)` run once the call's outcome is known (or its promise rejected), before the
   * answer is written: bookkeeping that would otherwise chain a promise of its own on every
   * call (the drain's count, the session's calls in flight; two tasks at most, run in the
   * order given). Absent (calls the CLI makes itself): chain on the call's promise instead.
   */
  readonly whenSettled?: (<K extends object>(task: (key: K) => void, key: K) => void) | undefined;
}

/** What telemetry reads of the connection a call came on. */
export interface AgentConnection {
  /** The Streamable HTTP session id; undefined on stdio. */
  readonly sessionId: string | undefined;
  /** The protocol version the gateway answered `initialize` with. */
  readonly protocolVersion: string | undefined;
}

/** Port: runs one call through the gateway's pipeline. */
export type CallToolPort = (call: IncomingCall) => Promise<ToolCallOutcome>;

/**
 * Puts the hot path in front of the SDK's Server on any transport: tools/call requests (and the
 * agent's cancellations of them) are handled here, from the parsed message, and answered on the
 * transport directly; everything else is validated as the SDK's transports validate it and
 * goes on to the Server. No per-call SDK timer, no zod parse of the request or the result.
 */
export class ToolCallLane implements Transport, AgentConnection {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onmessage?: ((message: JSONRPCMessage, extra?: MessageExtraInfo) => void) | undefined;

  protocolVersion: string | undefined;

  /**
   * Calls in flight, by the lane's own number for them (a table of slots, not a Map by the
   * agent's request id: see CallTable); cancelling one cancels it at the backend. A cancellation
   * (rare) finds its call by a walk over the calls in flight.
   */
  private readonly calls = new CallTable<LaneCall>();
  private lastSeq = 0;
  /** The transport itself when it takes replies as JSON text (stdio): results are not re-serialised. */
  private readonly textOut: JsonTextWriter | undefined;
  /** The transport itself when it also takes replies as UTF-8 bytes (a large result's chunks). */
  private readonly bytesOut: JsonBytesWriter | undefined;

  constructor(
    private readonly inner: Transport,
    private readonly callTool: CallToolPort,
  ) {
    this.textOut = isJsonTextWriter(inner) ? inner : undefined;
    this.bytesOut = isJsonBytesWriter(inner) ? inner : undefined;
  }

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  async start(): Promise<void> {
    // Handlers the transport's owner set before connecting (an HTTP front freeing a session's
    // slot) keep running, as the SDK's Protocol keeps them.
    const { onclose, onerror } = this.inner;
    this.inner.onmessage = (message, extra) => {
      this.receive(message, extra);
    };
    this.inner.onerror = (error) => {
      onerror?.(error);
      this.onerror?.(error);
    };
    this.inner.onclose = () => {
      onclose?.();
      // The agent is gone: its calls in flight are cancelled at their backends, unanswered.
      for (const call of this.calls.values()) call.cancel(undefined);
      this.calls.clear();
      this.onclose?.();
    };
    await this.inner.start();
  }

  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    // The Server's answer to initialize names the protocol version of this connection.
    if (this.protocolVersion === undefined && 'result' in message) {
      const version = (message.result as { protocolVersion?: unknown }).protocolVersion;
      if (typeof version === 'string') this.protocolVersion = version;
    }
    return this.inner.send(message, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private receive(raw: unknown, extra: MessageExtraInfo | undefined): void {
    if (isRawMessage(raw)) {
      if (raw.method === 'tools/call' && isValidRequestId(raw.id) && raw.jsonrpc === '2.0') {
        this.handleCall(raw.id, raw);
        return;
      }
      if (raw.method === 'notifications/cancelled' && this.cancel(raw)) return;
    }
    // Nothing deeper than the gateway inspects reaches the SDK, whose recursive walks it could
    // overflow; such a request is answered below (invalidMessageAnswers says how).
    const checked = exceedsJsonDepth(raw) ? undefined : toSdkMessage(raw);
    if (checked?.ok === true) {
      this.onmessage?.(checked.message, extra);
      return;
    }
    this.onerror?.(
      checked?.error ??
        new Error(`ignored a message nested deeper than ${String(MAX_JSON_DEPTH)} levels`),
    );
    // What the SDK would drop in silence still gets the error JSON-RPC requires.
    for (const answer of invalidMessageAnswers(raw)) this.sendSafely(answer);
  }

  private cancel(raw: RawMessage): boolean {
    const params = raw.params as { requestId?: unknown; reason?: unknown } | undefined;
    const id = params?.requestId;
    if (!isValidRequestId(id)) return false;
    // The latest call under that id, should the agent have reused one still in flight.
    let call: LaneCall | undefined;
    for (const one of this.calls.values())
      if (one.requestId === id && (call === undefined || one.seq > call.seq)) call = one;
    if (call === undefined) return false;
    this.calls.delete(call.seq);
    call.cancel(params?.reason);
    return true;
  }

  private handleCall(id: RequestId, raw: RawMessage): void {
    // `params` is whatever JSON the agent sent: null and arrays included.
    const params = isRawMessage(raw.params)
      ? (raw.params as { name?: unknown; arguments?: unknown; _meta?: Record<string, unknown> })
      : undefined;
    if (params === undefined || typeof params.name !== 'string') {
      this.reply(id, errorOf(ErrorCode.InvalidParams, 'tools/call needs a string "name"'));
      return;
    }
    const args: unknown = params.arguments ?? {};
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      this.reply(id, errorOf(ErrorCode.InvalidParams, 'tools/call "arguments" must be an object'));
      return;
    }
    const meta = params._meta;
    if (meta !== undefined && !isRawMessage(meta)) {
      this.reply(id, errorOf(ErrorCode.InvalidParams, 'tools/call "_meta" must be an object'));
      return;
    }
    // Deeper than the scanner and the policy read: refused, never passed on unread.
    const deep = exceedsJsonDepth(args) ? 'arguments' : exceedsJsonDepth(meta) ? '_meta' : '';
    if (deep !== '') {
      this.reply(
        id,
        errorOf(
          ErrorCode.InvalidParams,
          `tools/call "${deep}" nests deeper than ${String(MAX_JSON_DEPTH)} levels, more than the gateway inspects`,
        ),
      );
      return;
    }
    const progressToken = meta?.['progressToken'];
    const call = new LaneCall(
      ++this.lastSeq,
      params.name,
      args as Record<string, unknown>,
      meta,
      id,
      this,
    );
    if (typeof progressToken === 'string' || typeof progressToken === 'number')
      call.onProgress = (progress: Progress) => {
        if (call.cancelled) return;
        this.inner
          .send(
            {
              jsonrpc: '2.0',
              method: 'notifications/progress',
              params: { ...progress, progressToken },
            },
            { relatedRequestId: id },
          )
          .catch(() => undefined);
      };
    this.calls.set(call.seq, call);
    let running: Promise<ToolCallOutcome>;
    try {
      running = this.callTool(call);
    } catch (error) {
      running = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    running.then(
      (outcome) => {
        if (this.settle(call)) this.answer(id, outcome);
      },
      (error: unknown) => {
        if (this.settle(call)) this.reply(id, { error: rpcErrorOf(error) });
      },
    );
  }

  /** False for a call the agent cancelled: it gets no answer. */
  private settle(call: LaneCall): boolean {
    call.settled();
    this.calls.delete(call.seq);
    return !call.cancelled;
  }

  /**
   * The outcome as the reply. On a transport that takes JSON text (stdio) a result is written as
   * text, from the JSON the pipeline made of it already (the audit digest's) or serialised once
   * here, into a line that needs no message object, no second serialisation and no promise.
   */
  private answer(id: RequestId, outcome: ToolCallOutcome): void {
    const out = this.textOut;
    const body = out === undefined ? undefined : resultJsonOf(outcome);
    const bytesOut = this.bytesOut;
    if (
      out === undefined ||
      body === undefined ||
      (typeof body.body !== 'string' && bytesOut === undefined)
    ) {
      this.reply(id, answerOf(outcome));
      return;
    }
    const head = `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${body.head}`;
    try {
      if (typeof body.body === 'string') out.writeJsonText([head, body.body, '}']);
      // A large result's JSON in UTF-8 chunks, written as they are.
      else bytesOut?.writeJsonBytes([head, ...body.body, '}']);
    } catch (error) {
      this.onerror?.(new Error(`Failed to send response: ${String(error)}`));
    }
  }

  private reply(id: RequestId, answer: Answer): void {
    const message = (
      'result' in answer
        ? { jsonrpc: '2.0', id, result: answer.result }
        : { jsonrpc: '2.0', id, error: answer.error }
    ) as JSONRPCMessage;
    this.sendSafely(message, () => {
      // An answer that cannot be written (it cannot be serialised) still closes the call.
      this.sendSafely({
        jsonrpc: '2.0',
        id,
        error: { code: ErrorCode.InternalError, message: 'the answer could not be sent' },
      });
    });
  }

  /** Sends without throwing: a transport may fail synchronously (serialising) or later. */
  private sendSafely(message: JSONRPCMessage, onFailure?: () => void): void {
    let sent: Promise<void>;
    try {
      sent = this.inner.send(message);
    } catch (error) {
      sent = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    sent.catch((error: unknown) => {
      this.onerror?.(new Error(`Failed to send response: ${String(error)}`));
      onFailure?.();
    });
  }
}

/**
 * One call in flight from the agent. Its AbortSignal is made only if some code asks for it
 * (an approval prompt, a wait for a backend still starting): the hot path listens through
 * `onCancel`, which costs a fraction of an AbortController and its listeners.
 */
class LaneCall implements IncomingCall, CallCancellation {
  onProgress: ((progress: Progress) => void) | undefined = undefined;
  cancelled = false;
  private reason: unknown = undefined;
  private controller: AbortController | undefined = undefined;
  /** Who listens for the cancellation: on the hot path one (the backend call), so no list. */
  private listener: CancelListener | undefined = undefined;
  private moreListeners: CancelListener[] | undefined = undefined;
  /** What runs once the outcome is known (see IncomingCall.whenSettled): two slots, no list. */
  private settledTask: ((key: object) => void) | undefined = undefined;
  private settledKey: object = this;
  private laterTask: ((key: object) => void) | undefined = undefined;
  private laterKey: object = this;

  constructor(
    /** The lane's number for the call (its slot in the lane's CallTable). */
    readonly seq: number,
    readonly name: string,
    readonly args: Readonly<Record<string, unknown>>,
    readonly meta: Readonly<Record<string, unknown>> | undefined,
    readonly requestId: RequestId,
    readonly connection: AgentConnection,
  ) {}

  get cancellation(): CallCancellation {
    return this;
  }

  // A method, not a closure made per call: the lane's handlers run the task.
  whenSettled<K extends object>(task: (key: K) => void, key: K): void {
    // A task is only ever called with the key it came with.
    if (this.settledTask === undefined) {
      this.settledTask = task as (key: object) => void;
      this.settledKey = key;
      return;
    }
    if (this.laterTask !== undefined) throw new Error('a call takes two settle tasks at most');
    this.laterTask = task as (key: object) => void;
    this.laterKey = key;
  }

  /** Runs the settle tasks, once each, in the order given. */
  settled(): void {
    const task = this.settledTask;
    if (task === undefined) return;
    const later = this.laterTask;
    const key = this.settledKey;
    const laterKey = this.laterKey;
    this.settledTask = undefined;
    this.laterTask = undefined;
    // The keys (the call's context) are not kept past the answer.
    this.settledKey = this;
    this.laterKey = this;
    task(key);
    later?.(laterKey);
  }

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.cancelled) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  onCancel(listener: CancelListener): void {
    if (this.cancelled) {
      listener.callCancelled(this.reason);
      return;
    }
    if (this.listener === undefined) this.listener = listener;
    else (this.moreListeners ??= []).push(listener);
  }

  offCancel(listener: CancelListener): void {
    if (this.listener === listener) {
      this.listener = undefined;
      return;
    }
    const index = this.moreListeners?.indexOf(listener) ?? -1;
    if (index !== -1) this.moreListeners?.splice(index, 1);
  }

  cancel(reason: unknown): void {
    if (this.cancelled) return;
    this.cancelled = true;
    // What AbortController.abort() gives a signal aborted without a reason.
    this.reason = reason ?? new DOMException('This operation was aborted', 'AbortError');
    this.controller?.abort(this.reason);
    const { listener, moreListeners } = this;
    this.listener = undefined;
    this.moreListeners = undefined;
    listener?.callCancelled(this.reason);
    for (const more of moreListeners ?? []) more.callCancelled(this.reason);
  }
}

interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}
type Answer = { result: Record<string, unknown> } | { error: RpcError };

const errorOf = (code: number, message: string): Answer => ({ error: { code, message } });

/**
 * A result's JSON text in two parts (see toMcpResponseJson), for outcomes that are results as
 * the backend gave them; undefined for the rest, which go the ordinary way (answerOf).
 */
const resultJsonOf = (
  outcome: ToolCallOutcome,
): { readonly head: string; readonly body: JsonText } | undefined => {
  const text = toMcpResponseJson(outcome);
  if (text !== undefined || outcome.kind !== 'ok' || outcome.receipt !== undefined) return text;
  let body: string | undefined;
  try {
    body = JSON.stringify(outcome.result);
  } catch {
    // Not serialisable: the ordinary way answers with an error instead.
    return undefined;
  }
  return typeof body === 'string' ? { head: '', body } : undefined;
};

/** The outcome as MCP; the table may raise a JSON-RPC error instead (unknown tool, relayed error). */
const answerOf = (outcome: ToolCallOutcome): Answer => {
  try {
    return { result: toMcpResponse(outcome) };
  } catch (error) {
    return { error: rpcErrorOf(error) };
  }
};

/** An error as the SDK's Server would answer it: its own code if it has one, else InternalError. */
const rpcErrorOf = (error: unknown): RpcError => {
  const e = error as { code?: unknown; message?: unknown; data?: unknown };
  const code =
    typeof e.code === 'number' && Number.isSafeInteger(e.code) ? e.code : ErrorCode.InternalError;
  const message = typeof e.message === 'string' ? e.message : 'Internal error';
  return e.data === undefined ? { code, message } : { code, message, data: e.data };
};
