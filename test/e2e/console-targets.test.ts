import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openAuditLog } from '../../src/audit/jsonl-audit-log.js';
import type { ConsoleEntry } from '../../src/console/console-registry.js';
import { launchBrowser, waitForConsole, waitForPage } from '../helpers/console.js';
import { FIXTURE_SERVER } from '../helpers/paths.js';
import {
  connectGateway,
  nodeServer,
  writeConfig,
  type ConnectedGateway,
} from '../helpers/spawn-gateway.js';

/** Writes `calls` call/result pairs (2 × calls records) with the gateway's own writer. */
const fillLog = async (stateDir: string, calls: number): Promise<void> => {
  const log = await openAuditLog({
    path: path.join(stateDir, 'audit.jsonl'),
    stateDir,
    durability: 'batch',
  });
  for (let i = 1; i <= calls; i++) {
    const id = `old-${i}`;
    log.append({
      type: 'call',
      call: { id },
      server: 'fx',
      tool: 'echo',
      exposed: 'fx__echo',
      args: { text: `call number ${i} with some realistic arguments`, path: `/tmp/file-${i}.txt` },
      redacted: [],
      def_hash: null,
      decision: {
        effect: 'allow',
        final: 'allow',
        rules: ['reads'],
        deciding: 'reads',
        mode: 'enforce',
        policy: 'sha256:0',
      },
      session: { agent: null, client: { name: 'some-client', version: '1.0.0' } },
    });
    log.append({
      type: 'result',
      call: { id },
      outcome: { status: 'ok', ms: 3.2, bytes: 120, sha256: `sha256:${'a'.repeat(64)}` },
      findings: [],
    });
    if (i % 500 === 0) await log.flush();
  }
  await log.close();
};

/** Resident set size of a process, from /proc (Linux). */
const rssKiB = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

// The targets, measured on this machine: the console's first page loads in under
// 300 ms with 10,000 audit records in the log, and an idle console adds under 10 MB of RSS.
describe('console targets', () => {
  let withConsole: ConnectedGateway | undefined;
  let withoutConsole: ConnectedGateway | undefined;
  let entry: ConsoleEntry;
  let stateDir: string;

  beforeAll(async () => {
    const { dir, file } = await writeConfig({ servers: { fx: nodeServer(FIXTURE_SERVER) } });
    stateDir = path.join(dir, '.mcp-gateway');
    await fillLog(stateDir, 5000);
    withConsole = await connectGateway(['--config', file]);
    withoutConsole = await connectGateway(['--config', file, '--no-console']);
    entry = await waitForConsole(stateDir);
  });

  afterAll(async () => {
    await withConsole?.close();
    await withoutConsole?.close();
  });

  test('an idle console adds under 10 MB of RSS', async () => {
    // Both gateways serve the same backends; the console listens but no page was opened yet.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const samples: { on: number; off: number }[] = [];
    for (let i = 0; i < 5; i++) {
      samples.push({ on: await rssKiB(withConsole!.pid), off: await rssKiB(withoutConsole!.pid) });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const added = median(samples.map((s) => s.on - s.off)) / 1024;
    console.log(
      `RSS with an idle console ${(median(samples.map((s) => s.on)) / 1024).toFixed(1)} MiB, without ${(median(samples.map((s) => s.off)) / 1024).toFixed(1)} MiB: +${added.toFixed(1)} MiB`,
    );
    expect(added).toBeLessThan(10);
  });
  test('the first page loads in under 300 ms with 10,000 audit records in the log', async () => {
    const records = (await readFile(path.join(stateDir, 'audit.jsonl'), 'utf8')).split('\n');
    expect(records.length).toBeGreaterThan(10_000);
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(entry.loginUrl);
      await waitForPage(page, 'now');
      const loads: Record<string, number[]> = { now: [], calls: [] };
      for (let i = 0; i < 5; i++) {
        for (const name of ['now', 'calls'] as const) {
          // A fresh document each time: the page, its script and style, and its first data.
          await page.goto(`${entry.url}/#/${name}`);
          await page.reload();
          await waitForPage(page, name);
          loads[name]!.push(
            await page.evaluate(() => performance.getEntriesByName('console-ready')[0]!.startTime),
          );
        }
      }
      const calls = await page.locator('[data-testid="calls"] tr[data-call]').count();
      expect(calls).toBe(100);
      console.log(
        `console first page, median of 5 with ${records.length - 1} records: Now ${median(loads['now']!).toFixed(0)} ms, Calls ${median(loads['calls']!).toFixed(0)} ms (all: ${JSON.stringify(loads)})`,
      );
      const after = (await rssKiB(withConsole!.pid)) - (await rssKiB(withoutConsole!.pid));
      console.log(`RSS added after serving these pages: +${(after / 1024).toFixed(1)} MiB`);
      expect(median(loads['now']!)).toBeLessThan(300);
      expect(median(loads['calls']!)).toBeLessThan(300);
    } finally {
      await browser.close();
    }
  });
});
