import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPLAY_SERVER } from '../helpers/paths.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';
import {
  cancelledBy,
  expectationsFor,
  frameArb,
  hugeFrameArb,
  lineEndArb,
  PROBE_PREFIX,
  renderFrame,
  type Expectation,
  type Frame,
} from './harness/agent-frames.js';
import { answerProblems } from './harness/check-answers.js';
import { RawGateway } from './harness/raw-gateway.js';
import { fcParameters, runs } from './harness/scale.js';

// Property-based fuzzing of what an agent writes to the gateway (issue #10 §8): random and
// malformed JSON-RPC lines go to the built CLI's stdin, and after each batch the gateway must
// have answered exactly what JSON-RPC 2.0 and MCP require (harness/agent-frames.ts says what),
// written nothing but JSON-RPC to stdout, and still answer a ping and a real tool call.

const idKey = (id: unknown): string => `${typeof id}:${String(id)}`;

/** True once every answer `expected` asks for has arrived (cancelled requests excepted). */
const allAnswered = (
  expected: readonly Expectation[],
  cancelled: readonly unknown[],
  messages: readonly Record<string, unknown>[],
): boolean => {
  const answers = messages.filter((m) => !('method' in m));
  const withoutId = expected.filter((e) => e.answer === 'error-without-id').length;
  if (answers.filter((a) => !('id' in a)).length < withoutId) return false;
  const skip = new Set(cancelled.map(idKey));
  const wanted = new Map<string, number>();
  for (const e of expected)
    if (e.answer === 'response' && !skip.has(idKey(e.id)))
      wanted.set(idKey(e.id), (wanted.get(idKey(e.id)) ?? 0) + 1);
  const got = new Map<string, number>();
  for (const a of answers)
    if ('id' in a) got.set(idKey(a['id']), (got.get(idKey(a['id'])) ?? 0) + 1);
  return [...wanted].every(([key, count]) => (got.get(key) ?? 0) >= count);
};

let probes = 0;

/** The gateway still answers a ping and a real tool call; returns the problem, if any. */
const probe = async (gateway: RawGateway): Promise<void> => {
  const id = `${PROBE_PREFIX}${String(++probes)}`;
  const ping = await gateway.request(`${id}:ping`, 'ping', undefined);
  expect(ping).toHaveProperty('result');
  const call = await gateway.request(`${id}:call`, 'tools/call', {
    name: 'fx__echo',
    arguments: { text: 'still here' },
  });
  expect(JSON.stringify(call)).toContain('still here');
};

/** Writes lines, waits for what they must get, and returns how the answers differ from it. */
const exchange = async (gateway: RawGateway, lines: readonly Buffer[]): Promise<string[]> => {
  gateway.drain();
  const expected = lines.flatMap((line) => expectationsFor(line));
  const cancelled = lines.flatMap((line) => cancelledBy(line));
  for (const line of lines) await gateway.write(Buffer.concat([line, Buffer.from('\n')]));
  try {
    await gateway.waitUntil(
      (messages) => allAnswered(expected, cancelled, messages),
      20_000,
      'every answer the lines ask for',
    );
  } catch (error) {
    if (gateway.exited !== undefined) throw error;
    // A missing answer is reported below, with the rest.
  }
  // Notifications the gateway sends on its own (list changes, progress) are not answers.
  const answers = gateway.drain().filter((m) => !('method' in m));
  return answerProblems(expected, answers, cancelled);
};

describe('agent → gateway: random and malformed JSON-RPC over stdio', () => {
  let gateway: RawGateway;

  beforeAll(async () => {
    // The replay server frames by hand, without the SDK's 10 MiB read cap, so a 10 MB call
    // reaches its echo tool and comes back; a call a backend drops would wait for the timeout.
    const { file, dir } = await writeConfig({
      servers: { fx: { ...nodeServer(REPLAY_SERVER), timeouts: { call: '20s' } } },
    });
    gateway = new RawGateway(['--config', file], { cwd: dir });
    await gateway.initialize();
    const listed = await gateway.request('list', 'tools/list', {});
    expect(JSON.stringify(listed)).toContain('fx__echo');
  });

  afterAll(async () => {
    await gateway.close();
    expect(gateway.exited?.signal ?? null).toBeNull();
  });

  test('each batch of lines gets exactly the answers JSON-RPC requires, and the gateway keeps working', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(frameArb, lineEndArb), { minLength: 1, maxLength: 6 }),
        async (frames) => {
          const lines = frames.map(([frame, end]) =>
            end === '\r\n'
              ? Buffer.concat([renderFrame(frame), Buffer.from('\r')])
              : renderFrame(frame),
          );
          expect(await exchange(gateway, lines)).toEqual([]);
          await probe(gateway);
          expect(gateway.garbage).toEqual([]);
        },
      ),
      fcParameters<[[Frame, string][]]>(runs(200), [
        // Each crashed the gateway or went unanswered before its fix (see the commit messages).
        [
          [
            [
              {
                kind: 'message',
                value: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: null },
              },
              '\n',
            ],
          ],
        ],
        [[[{ kind: 'message', value: { id: Number.MAX_SAFE_INTEGER, method: '' } }, '\n']]],
        [[[{ kind: 'deep', levels: 100_000, at: 'arguments' }, '\n']]],
        [[[{ kind: 'deep', levels: 100_000, at: 'params' }, '\n']]],
        [
          [
            [
              {
                kind: 'message',
                value: { jsonrpc: '2.0', id: 3, method: 'resources/read', params: {} },
              },
              '\n',
            ],
          ],
        ],
        [
          [
            [
              {
                kind: 'message',
                value: {
                  jsonrpc: '2.0',
                  id: 2,
                  method: 'tools/call',
                  params: { name: 'fx__echo', arguments: { text: 'a' }, _meta: 'str' },
                },
              },
              '\n',
            ],
          ],
        ],
      ]),
    );
  });

  test('10 MB lines, whole and cut short, are answered and leave the gateway working', async () => {
    await fc.assert(
      fc.asyncProperty(hugeFrameArb, async (frame) => {
        expect(await exchange(gateway, [renderFrame(frame)])).toEqual([]);
        await probe(gateway);
      }),
      fcParameters(runs(2)),
    );
  });

  test('a line over the 32 MiB cap is refused without an id and dropped whole', async () => {
    const line = Buffer.alloc(33 * 1024 * 1024, 0x20);
    line.write('{"jsonrpc":"2.0","id":"big","method":"ping","pad":"');
    line.write('"}', line.length - 2);
    expect(await exchange(gateway, [line])).toEqual([]);
    await probe(gateway);
  });

  test('stdout carried JSON-RPC only', () => {
    expect(gateway.garbage).toEqual([]);
    expect(gateway.exited).toBeUndefined();
  });
});
