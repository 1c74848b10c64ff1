import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../config/load.js';
import { killChildren, spawnEarly } from './early-children.js';
import type { SpawnedChild } from './spawn-child.js';
import { spawnFromConfigText, type GuessedChildren } from './spawn-from-config-text.js';

// A child that waits to be killed; its spec is what resolveConfig makes of the entry.
const IDLE = ['-e', 'setInterval(() => undefined, 1000)'];
const started: GuessedChildren[] = [];
afterEach(() => {
  for (const children of started.splice(0)) killChildren(children);
});

const configFile = async (config: unknown): Promise<{ file: string; text: string }> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-guess-'));
  const file = path.join(dir, 'mcp-gateway.config.json');
  const text = JSON.stringify(config);
  await writeFile(file, text);
  return { file, text };
};

const guess = async (config: unknown) => {
  const { file, text } = await configFile(config);
  const guessed = spawnFromConfigText(file, text);
  started.push(guessed);
  return { file, guessed };
};

const ended = (spawned: SpawnedChild) => spawned.closed.then((exit) => exit.signal);

describe('spawnFromConfigText: backends spawned before the config code loads', () => {
  test('a plainly written stdio server is spawned, and adopted by its validated config', async () => {
    const { file, guessed } = await guess({
      servers: {
        idle: { command: process.execPath, args: IDLE, env: { A: '1' }, cwd: '.' },
        remote: { url: 'http://127.0.0.1:1/mcp' },
      },
    });
    expect(guessed.size).toBe(1);
    const [child] = [...guessed.values()];
    const config = await loadConfig({ configPath: file, cwd: os.tmpdir(), env: {} });
    const early = spawnEarly(config.servers, guessed);
    const idle = config.servers.find((s) => s.name === 'idle');
    expect(idle).toBeDefined();
    // The very child spawned from the text, not a second process.
    expect(early.take(idle!)).toBe(child);
    expect(guessed.size).toBe(0);
    started.push(new Map([['idle', child!]]));
  });

  test('entries the config code would change are left to the spawn after validation', async () => {
    const { guessed } = await guess({
      servers: {
        expanded: { command: process.execPath, args: ['${env:HOME}'] },
        dir: { command: process.execPath, args: ['${configDir}/x'] },
        off: { command: process.execPath, args: IDLE, enabled: false },
        numbers: { command: process.execPath, args: [1] },
      },
    });
    expect(guessed.size).toBe(0);
    const profiles = await guess({
      servers: { idle: { command: process.execPath, args: IDLE } },
      profiles: { none: { servers: [] } },
    });
    expect(profiles.guessed.size).toBe(0);
    const both = await guess({
      servers: { a: { command: process.execPath, args: IDLE } },
      mcpServers: { b: { command: process.execPath, args: IDLE } },
    });
    expect(both.guessed.size).toBe(0);
    expect(spawnFromConfigText('/x/c.json', '{"servers": {"a": {"command": "node",').size).toBe(0);
  });

  test('a child whose server the validated config does not start as written is killed', async () => {
    const { file, text } = await configFile({
      servers: { idle: { command: process.execPath, args: IDLE } },
    });
    // The text read early differs from what validation sees (e.g. edited in between).
    const guessed = spawnFromConfigText(file, text.replace('setInterval', 'setTimeout'));
    started.push(guessed);
    const [child] = [...guessed.values()];
    const config = await loadConfig({ configPath: file, cwd: os.tmpdir(), env: {} });
    const early = spawnEarly(config.servers, guessed);
    const idle = config.servers.find((s) => s.name === 'idle');
    const adopted = early.take(idle!);
    expect(adopted).not.toBe(child);
    expect(await ended(child!)).toBe('SIGKILL');
    started.push(new Map([['idle', adopted!]]));
  });
});
