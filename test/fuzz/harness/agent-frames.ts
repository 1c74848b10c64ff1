import {
  ClientRequestSchema,
  JSONRPCMessageSchema,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';

/**
 * What an agent can put on one line, as a small description: the bytes are built from it
 * only when sent (`renderFrame`), so a counterexample of 100,000 nested brackets or 10 MB
 * prints as one short line.
 */
export type Frame =
  | { readonly kind: 'message'; readonly value: unknown }
  | { readonly kind: 'batch'; readonly items: readonly unknown[] }
  | {
      readonly kind: 'deep';
      readonly levels: number;
      readonly at: 'arguments' | 'id' | 'line' | 'params' | 'notification';
    }
  | { readonly kind: 'bytes'; readonly bytes: readonly number[] }
  | { readonly kind: 'bad-utf8'; readonly bytes: readonly number[]; readonly id: number }
  | { readonly kind: 'nul'; readonly id: number }
  | { readonly kind: 'truncated'; readonly value: unknown; readonly keep: number }
  | {
      readonly kind: 'huge';
      readonly megabytes: number;
      readonly id: number;
      readonly cut: boolean;
    };

/** The tool the fuzzed calls may reach, a real one behind the gateway under test. */
export const ECHO_TOOL = 'fx__echo';

/** Ids the fuzzer never uses, so the test's own probes cannot be cancelled or confused. */
export const PROBE_PREFIX = 'probe:';

const nested = (levels: number, leaf: string): string =>
  `${'['.repeat(levels)}${leaf}${']'.repeat(levels)}`;

/** The bytes of one frame, without its line ending. */
export const renderFrame = (frame: Frame): Buffer => {
  switch (frame.kind) {
    case 'message':
      return Buffer.from(JSON.stringify(frame.value));
    case 'batch':
      return Buffer.from(JSON.stringify(frame.items));
    case 'deep': {
      const deep = nested(frame.levels, '"x"');
      const id = `"deep-${String(frame.levels)}"`;
      const text =
        frame.at === 'line'
          ? deep
          : frame.at === 'id'
            ? `{"jsonrpc":"2.0","id":${deep},"method":"ping"}`
            : frame.at === 'params'
              ? `{"jsonrpc":"2.0","id":${id},"method":"resources/read","params":{"uri":"file:///x","v":${deep}}}`
              : frame.at === 'notification'
                ? `{"jsonrpc":"2.0","method":"notifications/roots/list_changed","params":{"v":${deep}}}`
                : `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"${ECHO_TOOL}","arguments":{"text":"d","v":${deep}}}}`;
      return Buffer.from(text);
    }
    case 'bytes':
      return Buffer.from(frame.bytes);
    case 'bad-utf8':
      // Bytes that are not UTF-8 (or encode a lone surrogate) inside a string of a real call.
      return Buffer.concat([
        Buffer.from(
          `{"jsonrpc":"2.0","id":${String(frame.id)},"method":"tools/call","params":{"name":"${ECHO_TOOL}","arguments":{"text":"`,
        ),
        Buffer.from(frame.bytes),
        Buffer.from('"}}}'),
      ]);
    case 'nul':
      // A raw NUL inside a JSON string is not JSON (control characters must be escaped).
      return Buffer.from(`{"jsonrpc":"2.0","id":${String(frame.id)},"method":"ping","x":"a\0b"}`);
    case 'truncated':
      return Buffer.from(JSON.stringify(frame.value)).subarray(0, frame.keep);
    case 'huge': {
      const text = 'x'.repeat(frame.megabytes * 1024 * 1024);
      const line = Buffer.from(
        `{"jsonrpc":"2.0","id":${String(frame.id)},"method":"tools/call","params":{"name":"${ECHO_TOOL}","arguments":{"text":"${text}"}}}`,
      );
      return frame.cut ? line.subarray(0, line.length - 3) : line;
    }
  }
};

/** What the gateway must do with a line, by JSON-RPC 2.0 and MCP. */
export type Expectation =
  /** Nothing: a notification, a response, or an empty line. */
  | { readonly answer: 'none' }
  /** One error without an id (the id could not be read). */
  | { readonly answer: 'error-without-id'; readonly code: number }
  /** One response with this id: a result if `result`, else an error with one of `codes`. */
  | {
      readonly answer: 'response';
      readonly id: RequestId;
      readonly result: boolean;
      readonly codes: readonly number[];
    };

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
/** MCP's "resource not found". */
const RESOURCE_NOT_FOUND = -32002;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is RequestId =>
  typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));

/** The requests the gateway's agent-facing server answers (its declared capabilities). */
export const GATEWAY_METHODS: ReadonlySet<string> = new Set([
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'prompts/list',
  'prompts/get',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'completion/complete',
  'logging/setLevel',
]);
const schemaOf = new Map(
  ClientRequestSchema.options.map((schema) => [schema.shape.method.value as string, schema]),
);

/** Levels of arrays and objects, the value itself being level 1. */
export const jsonDepth = (value: unknown): number => {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [current, level] = top;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, level);
    for (const child of Object.values(current)) stack.push([child, level + 1]);
  }
  return deepest;
};

const error = (id: RequestId, code: number): Expectation => ({
  answer: 'response',
  id,
  result: false,
  codes: [code],
});

/**
 * tools/call, which the gateway takes off the wire itself: it reads `name`, `arguments` and
 * `_meta` and nothing else, so other members do not matter; the arguments (and `_meta`) must
 * be objects no deeper than the 64 levels the scanner reads.
 */
const expectToolCall = (params: unknown, id: RequestId): Expectation => {
  if (!isObject(params) || typeof params['name'] !== 'string') return error(id, INVALID_PARAMS);
  const args = params['arguments'] ?? {};
  const meta = params['_meta'];
  if (!isObject(args) || (meta !== undefined && !isObject(meta))) return error(id, INVALID_PARAMS);
  if (jsonDepth(args) > 64 || jsonDepth(meta) > 64) return error(id, INVALID_PARAMS);
  // An unknown tool is Invalid params; the echo tool answers (its result may be a denial).
  return params['name'] === ECHO_TOOL
    ? { answer: 'response', id, result: true, codes: [] }
    : error(id, INVALID_PARAMS);
};

/** A well-formed request other than tools/call: what the gateway must answer by its method. */
const expectRequest = (
  request: Record<string, unknown>,
  id: RequestId,
  answered: ReadonlySet<string>,
): Expectation => {
  const method = request['method'] as string;
  if (!answered.has(method)) return error(id, METHOD_NOT_FOUND);
  if (schemaOf.get(method)?.safeParse(request).success !== true) return error(id, INVALID_PARAMS);
  // Lookups of things the backends do not have are the caller's mistake, never an internal one.
  return { answer: 'response', id, result: true, codes: [INVALID_PARAMS, RESOURCE_NOT_FOUND] };
};

/** What a value that parsed as JSON must get (JSON-RPC 2.0 §4, §5, §6; MCP basic). */
const expectValue = (value: unknown, answered: ReadonlySet<string>): Expectation[] => {
  if (Array.isArray(value)) {
    // MCP has no batches (2025-06-18): each request in one is refused, else the batch is.
    const ids = value.flatMap((item) =>
      isObject(item) && typeof item['method'] === 'string' && isId(item['id']) ? [item['id']] : [],
    );
    return ids.length === 0
      ? [{ answer: 'error-without-id', code: INVALID_REQUEST }]
      : ids.map((id) => error(id, INVALID_REQUEST));
  }
  if (!isObject(value)) return [{ answer: 'error-without-id', code: INVALID_REQUEST }];
  const id = isId(value['id']) ? value['id'] : undefined;
  if (!('method' in value)) {
    if ('result' in value || 'error' in value) return [{ answer: 'none' }];
    return [
      id === undefined
        ? { answer: 'error-without-id', code: INVALID_REQUEST }
        : error(id, INVALID_REQUEST),
    ];
  }
  if (!('id' in value)) return [{ answer: 'none' }];
  if (id === undefined) return [{ answer: 'error-without-id', code: INVALID_REQUEST }];
  if (value['jsonrpc'] !== '2.0') return [error(id, INVALID_REQUEST)];
  if (value['method'] === 'tools/call') return [expectToolCall(value['params'], id)];
  if (typeof value['method'] !== 'string') return [error(id, INVALID_REQUEST)];
  const params = value['params'];
  if (params !== undefined && !isObject(params))
    return [error(id, Array.isArray(params) ? INVALID_PARAMS : INVALID_REQUEST)];
  const sdkValid = JSONRPCMessageSchema.safeParse(value).success;
  const extra = Object.keys(value).some((k) => !['jsonrpc', 'id', 'method', 'params'].includes(k));
  if (extra) {
    // JSON-RPC does not say whether other members make a request invalid: refusing it
    // (Invalid Request) and ignoring them are both right.
    const withoutExtra = {
      jsonrpc: value['jsonrpc'],
      id,
      method: value['method'],
      ...(params === undefined ? {} : { params }),
    };
    const ignored = expectValue(withoutExtra, answered)[0] as Expectation & {
      answer: 'response';
    };
    return [{ ...ignored, codes: [...ignored.codes, INVALID_REQUEST] }];
  }
  // Params deeper than the gateway inspects never reach the SDK (the message is level 1).
  if (jsonDepth(params) > 63) return [error(id, INVALID_PARAMS)];
  if (!sdkValid) return [error(id, INVALID_PARAMS)];
  return [expectRequest(value, id, answered)];
};

/** What a server answering `answered` must answer to a parsed message. */
export const expectationsForValue = (
  value: unknown,
  answered: ReadonlySet<string> = GATEWAY_METHODS,
): Expectation[] => expectValue(value, answered);

/** What the gateway must answer to one line it reads (`line` without its `\n`). */
export const expectationsFor = (line: Buffer, maxBytes = 32 * 1024 * 1024): Expectation[] => {
  const end = line.length > 0 && line[line.length - 1] === 13 ? line.length - 1 : line.length;
  if (end === 0) return [{ answer: 'none' }];
  if (line.length > maxBytes) return [{ answer: 'error-without-id', code: INVALID_REQUEST }];
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8', 0, end));
  } catch {
    return [{ answer: 'error-without-id', code: PARSE_ERROR }];
  }
  return expectValue(value, GATEWAY_METHODS);
};

/** Request ids a line cancels (`notifications/cancelled`): those requests may go unanswered. */
export const cancelledBy = (line: Buffer): unknown[] => {
  try {
    const value = JSON.parse(line.toString('utf8')) as unknown;
    const items = Array.isArray(value) ? value : [value];
    return items.flatMap((item) =>
      isObject(item) && item['method'] === 'notifications/cancelled' && isObject(item['params'])
        ? [item['params']['requestId']]
        : [],
    );
  } catch {
    return [];
  }
};

// ---- generators ----

const validId = fc.oneof(
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.string({ maxLength: 12 }).filter((s) => !s.startsWith(PROBE_PREFIX)),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0),
);
const oddId = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(1.5, -0.25, 2 ** 53, 1e300, -1e300, 2 ** 64),
  fc.constant({ nested: 1 }),
  fc.constant([1]),
  // A long id is still an id: it must come back whole.
  fc.constant(`long-${'i'.repeat(50_000)}`),
);
const anyId = fc.oneof({ weight: 4, arbitrary: validId }, { weight: 1, arbitrary: oddId });

const KNOWN_METHODS = [
  ...GATEWAY_METHODS,
  'tasks/get',
  'sampling/createMessage',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
];
const methodArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_METHODS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant(['tools/call'])) },
);

const stringsWithSurrogates = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('\ud800', 'a\udfffb', '\udbff\ud800', '\u0000', '\u2028\u2029', '\ufeff'),
);
const argumentsArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ text: stringsWithSurrogates }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 })),
  },
);
const metaArb = fc.oneof(
  fc.constant(undefined),
  fc.record({ progressToken: fc.oneof(validId, fc.constant(1.5), fc.constant(null)) }),
  fc.jsonValue({ maxDepth: 2 }),
);
const toolCallParams = fc
  .record({
    name: fc.oneof(
      { weight: 4, arbitrary: fc.constant(ECHO_TOOL) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
    ),
    arguments: fc.option(argumentsArb, { nil: undefined, freq: 5 }),
    _meta: metaArb,
  })
  .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
const paramsArb = fc.oneof(
  { weight: 3, arbitrary: toolCallParams },
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        cursor: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
        uri: fc.oneof(fc.constant('file:///nowhere'), fc.string({ maxLength: 8 })),
        name: fc.string({ maxLength: 8 }),
        level: fc.constantFrom('debug', 'info', 'loud', 3),
        requestId: fc.oneof(validId, oddId),
        protocolVersion: fc.constantFrom('2025-06-18', '1999-01-01', 7),
        capabilities: fc.constantFrom({}, [], null),
        clientInfo: fc.constantFrom({ name: 'f', version: '1' }, {}, 'x'),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A JSON-RPC message, mostly well-formed, with every member liable to be wrong or missing. */
export const messageArb: fc.Arbitrary<unknown> = fc
  .record(
    {
      jsonrpc: fc.oneof(
        { weight: 10, arbitrary: fc.constant('2.0') },
        { weight: 1, arbitrary: fc.constantFrom('1.0', 2, null) },
      ),
      id: anyId,
      method: methodArb,
      params: paramsArb,
      result: fc.jsonValue({ maxDepth: 2 }),
      error: fc.oneof(
        fc.record({ code: fc.integer(), message: fc.string({ maxLength: 8 }) }),
        fc.jsonValue({ maxDepth: 1 }),
      ),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  )
  .map((m) => {
    // Most messages are requests or notifications; responses and odd members are rarer.
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(m)) if (value !== undefined) out[key] = value;
    return out;
  });

const notNewline = fc.integer({ min: 0, max: 255 }).filter((b) => b !== 10);

/** Every kind of line, weighted towards the plausible. */
export const frameArb: fc.Arbitrary<Frame> = fc.oneof(
  { weight: 12, arbitrary: messageArb.map((value) => ({ kind: 'message' as const, value })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(messageArb, fc.jsonValue({ maxDepth: 1 })), { maxLength: 4 })
      .map((items) => ({ kind: 'batch' as const, items })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      levels: fc.oneof(fc.integer({ min: 60, max: 70 }), fc.constantFrom(1000, 5000, 100_000)),
      at: fc.constantFrom(
        'arguments' as const,
        'id' as const,
        'line' as const,
        'params' as const,
        'notification' as const,
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(notNewline, { maxLength: 64 })
      .map((bytes) => ({ kind: 'bytes' as const, bytes })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bad-utf8' as const),
      bytes: fc.oneof(
        fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 8 }),
        // UTF-8 of a lone surrogate, an overlong slash, a code point past U+10FFFF.
        fc.constantFrom([0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]),
      ),
      id: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.nat().map((id) => ({ kind: 'nul' as const, id })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(messageArb, fc.nat())
      .map(([value, keep]) => ({ kind: 'truncated' as const, value, keep })),
  },
);

/** A 10 MB line: a real call, or the same call cut short. */
export const hugeFrameArb: fc.Arbitrary<Frame> = fc.record({
  kind: fc.constant('huge' as const),
  megabytes: fc.constant(10),
  id: fc.nat(),
  cut: fc.boolean(),
});

/** How a frame's line ends: `\n` or `\r\n` (the reader drops one `\r`). */
export const lineEndArb = fc.constantFrom('\n', '\r\n');
