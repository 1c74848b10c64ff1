import { CallToolResultSchema, JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPLAY_SERVER } from '../helpers/paths.js';
import { processAlive, waitForExit } from '../helpers/process-alive.js';
import { nodeServer, writeConfig } from '../helpers/spawn-gateway.js';
import {
  backendFrameArb,
  chunked,
  firstAnswerRefused,
  REFUSED_MARK,
  renderBackendFrame,
  type BackendFrame,
} from './harness/backend-frames.js';
import { RawGateway } from './harness/raw-gateway.js';
import { ReplayControl } from './harness/replay-control.js';
import { fcParameters, runs } from './harness/scale.js';

// Property-based fuzzing of what a backend writes to the gateway (issue #10 §8): while the
// gateway waits for a backend's answer to one tools/call, the backend (the replay server,
// which writes exactly the bytes it is told to) writes random and malformed JSON-RPC, cut at
// random places, then a well-formed answer. The agent must get exactly one answer, the right
// one, and the gateway must keep serving the same backend and its agent.

const FINAL_TEXT = 'final answer';
const FIT_OK: BackendFrame = {
  kind: 'answer',
  body: { result: { content: [{ type: 'text', text: 'ok' }] } },
  fit: true,
};

describe('backend → gateway: random and malformed JSON-RPC on a backend’s stdout', () => {
  let gateway: RawGateway;
  let control: ReplayControl;
  let calls = 0;

  beforeAll(async () => {
    control = await ReplayControl.open();
    const { file, dir } = await writeConfig({
      servers: {
        rp: {
          ...nodeServer(REPLAY_SERVER, { env: { REPLAY_CONTROL: control.socketPath } }),
          timeouts: { call: '30s' },
        },
      },
    });
    gateway = new RawGateway(['--config', file], { cwd: dir });
    await gateway.initialize();
    expect(JSON.stringify(await gateway.request('list', 'tools/list', {}))).toContain(
      'rp__scripted',
    );
  });

  afterAll(async () => {
    await gateway.close();
    await control.close();
    // Every replay server the gateway started is gone with it.
    for (const pid of control.pids) await waitForExit(pid, 10_000);
  });

  /** Calls `scripted`, lets the backend write `frames` then a good answer; returns the agent's answer. */
  const callWith = async (
    frames: readonly BackendFrame[],
    cuts: readonly number[],
    gapMs: number,
  ): Promise<Record<string, unknown>> => {
    const id = `call-${String(++calls)}`;
    control.forget();
    gateway.drain();
    await gateway.send({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'rp__scripted', arguments: {} },
    });
    const received = await control.nextCall().catch((error: unknown) => {
      throw new Error(`${String(error)}; the gateway's stderr:\n${gateway.stderr.slice(-3000)}`);
    });
    const callId = received['id'];
    expect(typeof callId).toBe('number');
    const lines = frames.map((frame) =>
      Buffer.concat([renderBackendFrame(frame, callId as number), Buffer.from('\n')]),
    );
    const final = Buffer.from(
      `${JSON.stringify({ jsonrpc: '2.0', id: callId, result: { content: [{ type: 'text', text: FINAL_TEXT }] } })}\n`,
    );
    // A line cut short runs into the next; a fresh line starts the final answer.
    control.write(chunked(Buffer.concat([...lines, Buffer.from('\n'), final]), cuts), gapMs);
    await gateway.waitUntil(
      (messages) => messages.some((m) => m['id'] === id),
      15_000,
      `the answer to ${id}`,
    );
    const answers = gateway.drain().filter((m) => m['id'] === id && !('method' in m));
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    if (answer === undefined) throw new Error(`no answer to ${id}`);
    return answer;
  };

  /** The backend still answers an ordinary call through the gateway, and the agent a ping. */
  const probe = async (): Promise<void> => {
    const n = ++calls;
    expect(await gateway.request(`ping-${String(n)}`, 'ping', undefined)).toHaveProperty('result');
    const echo = await gateway.request(`echo-${String(n)}`, 'tools/call', {
      name: 'rp__echo',
      arguments: { text: 'still here' },
    });
    expect(JSON.stringify(echo)).toContain('still here');
  };

  test('the agent gets exactly one answer, the right one, and the backend keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(backendFrameArb, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom(0, 0, 2),
        async (frames, cuts, gapMs) => {
          const answer = await callWith(frames, cuts, gapMs);
          expect(JSONRPCMessageSchema.safeParse(answer).success).toBe(true);
          const text = JSON.stringify(answer);
          expect(text).not.toContain(REFUSED_MARK);
          const refused = firstAnswerRefused(frames);
          if (refused === undefined) {
            // Nothing before the final answer was the call's own: the final answer is relayed.
            expect(text).toContain(FINAL_TEXT);
          } else if (refused) {
            const result = answer['result'] as { isError?: unknown } | undefined;
            expect('error' in answer || result?.isError === true).toBe(true);
          }
          if ('result' in answer)
            expect(CallToolResultSchema.safeParse(answer['result']).success).toBe(true);
          await probe();
          expect(gateway.garbage).toEqual([]);
        },
      ),
      fcParameters<[BackendFrame[], number[], number]>(runs(150), [
        // A response nested 100,000 deep to a call already answered went to the SDK's Client,
        // whose JSON.stringify overflowed the stack: the gateway died.
        [[FIT_OK, { kind: 'deep', levels: 100_000 }], [], 0],
        // Results that are not objects, or whose members have the wrong type, were relayed.
        [[{ kind: 'answer', body: { result: null }, fit: false }], [], 0],
        [[{ kind: 'answer', body: { result: { content: REFUSED_MARK } }, fit: false }], [], 0],
        [[{ kind: 'answer', body: { error: REFUSED_MARK }, fit: false }], [], 0],
      ]),
    );
  });

  test('a 10 MB answer is relayed whole; a 33 MB line is dropped whole and the next line still counts', async () => {
    const answer = await callWith([{ kind: 'huge', megabytes: 10 }], [], 0);
    const result = answer['result'] as { content: { text: string }[] };
    expect(result.content[0]?.text.slice(0, 200)).toBe('h'.repeat(200));
    expect(result.content[0]?.text.length).toBe(10 * 1024 * 1024);
    await probe();

    // Over the 32 MiB cap: dropped and reported; the final answer after it still counts.
    const over = await callWith([{ kind: 'huge', megabytes: 33 }], [], 0);
    expect(JSON.stringify(over)).toContain(FINAL_TEXT);
    await probe();
  });

  test('a backend that dies mid-call: the call gets a tool error, the backend is restarted', async () => {
    const id = `dies-${String(++calls)}`;
    await gateway.send({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name: 'rp__scripted', arguments: {} },
    });
    await control.nextCall();
    const before = control.pids.length;
    control.exit(1);
    await gateway.waitUntil((m) => m.some((x) => x['id'] === id), 15_000, 'the dead call');
    const [answer] = gateway.drain().filter((m) => m['id'] === id);
    expect(JSON.stringify(answer)).toMatch(/isError|error/);
    await probe();
    const pids = await control.helloes(before + 1);
    expect(pids.length).toBe(before + 1);
    expect(processAlive(pids[before - 1] ?? 0)).toBe(false);
  });

  test('stdout carried JSON-RPC only', () => {
    expect(gateway.garbage).toEqual([]);
    expect(gateway.exited).toBeUndefined();
  });
});
