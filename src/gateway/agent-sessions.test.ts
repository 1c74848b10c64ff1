import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MemoryAuditSink } from '../core/audit/audit-sink.js';
import type { Logger } from '../core/logger.js';
import { AgentSessions } from './agent-sessions.js';

const logger: Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  backend: () => undefined,
};
const sessions = () =>
  new AgentSessions({
    audit: new MemoryAuditSink(),
    logger,
    agent: undefined,
    version: '0',
    standalone: false,
  });
const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(0);
  return done;
};
const client = { name: 'agent', version: '1' };
const server = (): Server => new Server({ name: 'gw', version: '0' }, { capabilities: {} });

afterEach(() => {
  vi.useRealTimers();
});

describe("a backend's request waits for the agent", () => {
  test('until the agent that said initialize says initialized, however long that takes', async () => {
    vi.useFakeTimers();
    const subject = sessions();
    const session = subject.add(server());
    subject.declared(session, { roots: {} }, client);
    // A loaded machine: the agent says initialized seconds later.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await settled(subject.agentsReady())).toBe(false);
    expect(subject.agentFor('fs')).toBeUndefined();
    subject.initialized(session, { roots: {} }, client);
    expect(await settled(subject.agentsReady())).toBe(true);
    expect(subject.agentFor('fs')).toBe(session.server);
  });

  test('not for ever: an agent that never says initialized, or none at all, is not waited for', async () => {
    vi.useFakeTimers();
    const silent = sessions();
    silent.declared(silent.add(server()), {}, client);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await settled(silent.agentsReady())).toBe(true);

    const none = sessions();
    await vi.advanceTimersByTimeAsync(3000);
    expect(await settled(none.agentsReady())).toBe(true);
    expect(none.agentFor('fs')).toBeUndefined();
  });
});

describe('calls in flight', () => {
  test('are known by their context while they run: session, id lookups, the agent of a server', () => {
    const subject = sessions();
    const first = subject.add(server());
    const second = subject.add(server());
    subject.initialized(first, {}, client);
    subject.initialized(second, {}, client);
    const call = { id: 'g-1', seq: 1, server: 'fs', flow: second.flow };
    const standalone = { id: 'g-2', seq: 2, server: 'fs', flow: subject.standaloneFlow };
    subject.beginCall(call);
    subject.beginCall(standalone);
    expect(subject.sessionOfCall(call)).toBe(second);
    expect(subject.sessionOfCall(standalone)).toBeUndefined();
    expect(subject.sessionForCall('g-1')).toBe(second);
    expect(subject.agentForCall('g-1')).toBe(second.server);
    expect(subject.sessionIdForCall('g-1')).toBe(second.flow.id);
    expect(subject.agentFor('fs')).toBe(second.server);
    expect(subject.describe().map((s) => s.callsInFlight)).toEqual([0, 1]);
    subject.endCall(call);
    expect(subject.sessionForCall('g-1')).toBeUndefined();
    expect(subject.describe().map((s) => s.callsInFlight)).toEqual([0, 0]);
  });
});
