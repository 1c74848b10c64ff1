import fc from 'fast-check';

/** Text put in every result the gateway must refuse: it must never reach the agent. */
export const REFUSED_MARK = 'MUST-NOT-PASS';

/**
 * What a backend can write while the gateway waits for its answer to one tools/call, as a small
 * description (rendered by `renderBackendFrame` once the call's id is known), so a failing case
 * prints short.
 */
export type BackendFrame =
  /** A response to the call, with a result or error the gateway must take or refuse. */
  | { readonly kind: 'answer'; readonly body: Record<string, unknown>; readonly fit: boolean }
  /** A response under some other id: never the call's answer. */
  | { readonly kind: 'stray'; readonly id: unknown; readonly body: Record<string, unknown> }
  /** A request or notification of the backend's own, odd ids included. */
  | { readonly kind: 'own'; readonly message: Record<string, unknown> }
  /** Bytes that are not a JSON-RPC line (a line of its own). */
  | { readonly kind: 'garbage'; readonly bytes: readonly number[] }
  /** The call's answer nested `levels` deep, or cut short. */
  | { readonly kind: 'deep'; readonly levels: number }
  | { readonly kind: 'cut'; readonly keep: number }
  /** A 10 MB answer: text the gateway scans and relays whole. */
  | { readonly kind: 'huge'; readonly megabytes: number };

/** A backend's id for the call is a number; these look like it and are not it. */
const strayIdArb = fc.oneof(
  // 'minus-one' answers the call before, already answered; a later id is not stray: the
  // gateway may send it before the line arrives, and a backend can always answer its own calls.
  fc.constantFrom('same-as-string', 'minus-one', 2 ** 64, 1.5, null, -1, 'x'),
  fc.integer({ min: -1_000_000, max: -2 }),
);

const fitResultArb = fc.oneof(
  fc.constant({ content: [{ type: 'text', text: 'ok' }] }),
  fc.constant({ content: [{ type: 'text', text: 'a\ud800b \u0000 \u2028' }], isError: true }),
  fc.record({
    content: fc.constant([{ type: 'text', text: 'structured' }]),
    structuredContent: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 })),
  }),
  fc.constant({}),
);

const unfitResultArb = fc.oneof(
  fc.constantFrom<unknown>(null, 5, REFUSED_MARK, [REFUSED_MARK], true),
  fc.constant({ content: REFUSED_MARK }),
  fc.constant({ content: [{ type: 'text', text: REFUSED_MARK }], isError: 'yes' }),
  fc.constant({ content: [], structuredContent: [REFUSED_MARK] }),
  fc.constant({ content: [{ type: 'text', text: REFUSED_MARK }], _meta: REFUSED_MARK }),
);

const errorArb = fc.oneof(
  fc.record({ code: fc.integer(), message: fc.string({ maxLength: 10 }) }),
  fc.record({ code: fc.constantFrom(1.5, '7', null), message: fc.jsonValue({ maxDepth: 1 }) }),
  fc.record({ code: fc.integer(), message: fc.string(), data: fc.jsonValue({ maxDepth: 3 }) }),
);

/** The body of a response: fit results, unfit ones, errors of every shape. */
const answerArb: fc.Arbitrary<BackendFrame> = fc.oneof(
  {
    weight: 3,
    arbitrary: fitResultArb.map((result) => ({
      kind: 'answer' as const,
      body: { result },
      fit: true,
    })),
  },
  {
    weight: 3,
    arbitrary: unfitResultArb.map((result) => ({
      kind: 'answer' as const,
      body: { result },
      fit: false,
    })),
  },
  {
    weight: 2,
    arbitrary: errorArb.map((error) => ({ kind: 'answer' as const, body: { error }, fit: false })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<Record<string, unknown>>(
        { error: REFUSED_MARK },
        { error: null },
        {},
        { result: { content: [] }, error: { code: 1, message: 'both' } },
      )
      .map((body) => ({ kind: 'answer' as const, body, fit: false })),
  },
);

const ownArb = fc
  .record({
    id: fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.constantFrom(null, 1.5, 2 ** 64)),
    method: fc.constantFrom(
      'ping',
      'roots/list',
      'sampling/createMessage',
      'elicitation/create',
      'notifications/progress',
      'notifications/message',
      'notifications/tools/list_changed',
      'nonsense/method',
    ),
    params: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
    withId: fc.boolean(),
  })
  .map(({ id, method, params, withId }) => ({
    kind: 'own' as const,
    message: {
      jsonrpc: '2.0',
      method,
      ...(withId ? { id } : {}),
      ...(params === undefined ? {} : { params }),
    },
  }));

const notNewline = fc.integer({ min: 0, max: 255 }).filter((b) => b !== 10);

/** Everything but the call's final answer, which the test writes last. */
export const backendFrameArb: fc.Arbitrary<BackendFrame> = fc.oneof(
  { weight: 3, arbitrary: answerArb },
  {
    weight: 3,
    arbitrary: fc.tuple(strayIdArb, answerArb).map(([id, answer]) => ({
      kind: 'stray' as const,
      id,
      body: (answer as { body: Record<string, unknown> }).body,
    })),
  },
  { weight: 3, arbitrary: ownArb },
  {
    weight: 2,
    arbitrary: fc.array(notNewline, { maxLength: 40 }).map((bytes) => ({
      kind: 'garbage' as const,
      bytes,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.integer({ min: 60, max: 70 }), fc.constantFrom(5000, 100_000))
      .map((levels) => ({ kind: 'deep' as const, levels })),
  },
  { weight: 1, arbitrary: fc.nat({ max: 60 }).map((keep) => ({ kind: 'cut' as const, keep })) },
);

/** The line a frame writes for the call the backend got under `callId`. */
export const renderBackendFrame = (frame: BackendFrame, callId: number): Buffer => {
  switch (frame.kind) {
    case 'answer':
      return Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: callId, ...frame.body }));
    case 'stray': {
      const id =
        frame.id === 'same-as-string'
          ? String(callId)
          : frame.id === 'minus-one'
            ? callId - 1
            : frame.id;
      return Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, ...frame.body }));
    }
    case 'own':
      return Buffer.from(JSON.stringify(frame.message));
    case 'garbage':
      return Buffer.from(frame.bytes);
    case 'deep': {
      // The result and its structuredContent are two levels: past 62 here it is too deep.
      const leaf = frame.levels > 62 ? REFUSED_MARK : 'deep enough';
      const deep = `${'['.repeat(frame.levels)}"${leaf}"${']'.repeat(frame.levels)}`;
      return Buffer.from(
        `{"jsonrpc":"2.0","id":${String(callId)},"result":{"content":[],"structuredContent":{"v":${deep}}}}`,
      );
    }
    case 'cut':
      return Buffer.from(
        `{"jsonrpc":"2.0","id":${String(callId)},"result":{"content":[{"type":"text","text":"${REFUSED_MARK}"}]}}`,
      ).subarray(0, frame.keep);
    case 'huge':
      return Buffer.from(
        JSON.stringify({
          jsonrpc: '2.0',
          id: callId,
          result: { content: [{ type: 'text', text: 'h'.repeat(frame.megabytes * 1024 * 1024) }] },
        }),
      );
  }
};

/**
 * Whether the first frame that answers the call makes it a refusal (true), a result (false), or
 * leaves it to the final answer (undefined): frames that are not a response under the call's
 * own numeric id never answer it.
 */
export const firstAnswerRefused = (frames: readonly BackendFrame[]): boolean | undefined => {
  for (const frame of frames) {
    if (frame.kind === 'answer') return !frame.fit;
    if (frame.kind === 'deep') return frame.levels > 62;
    if (frame.kind === 'huge') return false;
  }
  return undefined;
};

/** Splits bytes into chunks at random places, as a pipe may deliver them. */
export const chunked = (bytes: Buffer, cuts: readonly number[]): Buffer[] => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let start = 0;
  for (const point of points) {
    if (point > start) out.push(bytes.subarray(start, point));
    start = Math.max(start, point);
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
};
