import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { linesText } from '../fixtures/servers/lines-text.mjs';
import { FIXTURE_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  trackGateways,
  writeConfig,
} from '../helpers/spawn-gateway.js';

const open = trackGateways();

const sha256 = (text: string): string =>
  `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

/**
 * Large results go to the agent as UTF-8 chunks of their canonical JSON, and a line of about
 * 1 MB of ASCII is read as an external string: what the agent gets and what the audit records
 * must be what they were when both were one string.
 */
describe('large results through the built CLI', () => {
  test('reach the agent whole, and the audit hashes their canonical JSON', async () => {
    const { file, dir } = await writeConfig({
      servers: {
        fx: nodeServer(FIXTURE_SERVER, { env: { FIXTURE_TOOLS: 'echo,big,lines,read' } }),
      },
    });
    // Mixed-width text (accents, emoji: surrogate pairs at every slice boundary there is),
    // read from a file, beside the fixture's own tools.
    const mixed = `${'naïve 😀 “quoted” \\ back\u2028slash\t'.repeat(40_000)}\u0001end`;
    const mixedFile = path.join(dir, 'mixed.txt');
    await writeFile(mixedFile, mixed);
    const gateway = await connectGateway(['--config', file]);
    open.push(gateway);
    const calls: [string, Record<string, unknown>, string][] = [
      // ASCII over 1 MB: the line is an external string.
      ['fx__big', { bytes: 1_100_000 }, 'x'.repeat(1_100_000)],
      // UTF-8 over 1 MB, and 200 KB: chunked, from one string.
      ['fx__lines', { bytes: 1_200_000 }, linesText(1_200_000)],
      ['fx__lines', { bytes: 200_000 }, linesText(200_000)],
      ['fx__read', { path: mixedFile }, mixed],
      // Small: one string, as before.
      ['fx__echo', { text: 'hello' }, 'echo: hello'],
    ];
    const sent: CallToolResult[] = [];
    for (const [name, args, text] of calls) {
      const result = (await gateway.client.callTool({ name, arguments: args })) as CallToolResult;
      expect(result.content).toEqual([{ type: 'text', text }]);
      expect(result._meta?.['mcp-gateway/receipt']).toMatchObject({ seq: expect.any(Number) });
      sent.push({ content: [{ type: 'text', text }] });
    }
    await gateway.close();
    const records = (await readFile(path.join(dir, '.mcp-gateway', 'audit.jsonl'), 'utf8'))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((record) => record['type'] === 'result');
    expect(records).toHaveLength(calls.length);
    records.forEach((record, i) => {
      const json = canonicalJson(sent[i]);
      expect(record['findings']).toEqual([]);
      expect(record['outcome']).toMatchObject({
        status: 'ok',
        bytes: Buffer.byteLength(json),
        sha256: sha256(json),
      });
    });
  });
});
