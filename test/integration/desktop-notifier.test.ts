import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { createDesktopNotifier } from '../../src/approvals/desktop-notifier.js';
import { silentLogger } from '../../src/core/logger.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A folder with a fake `notify-send` that writes its arguments to a file. */
const fakeNotifySend = async (): Promise<{ bin: string; out: string }> => {
  const bin = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-notify-'));
  dirs.push(bin);
  const out = path.join(bin, 'args.json');
  const script = path.join(bin, 'notify-send');
  await writeFile(
    script,
    `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(2)));\n`,
  );
  await chmod(script, 0o755);
  return { bin, out };
};

const notification = {
  title: 'Approve gh/create_issue?',
  body: 'mcp-gateway: rule "ask-writes" asks for your approval (k7x2mq).',
  url: 'http://127.0.0.1:4000/login?ticket=t&page=approvals',
};

test.skipIf(process.platform === 'win32')(
  'on Linux with a display, notify-send shows the title, the body and the console link',
  async () => {
    const { bin, out } = await fakeNotifySend();
    const notify = createDesktopNotifier({
      logger: silentLogger,
      platform: 'linux',
      env: { PATH: bin, DISPLAY: ':0' },
    });
    notify(notification);
    await vi.waitFor(async () => {
      const args = JSON.parse(await readFile(out, 'utf8')) as string[];
      expect(args).toContain(notification.title);
      expect(args.join(' ')).toContain(notification.url);
      // notify-send runs as a child process: on a loaded machine it starts well after the default second.
    }, 10_000);
  },
);

test('without a display nothing is run, and nothing fails', async () => {
  const { bin, out } = await fakeNotifySend();
  const debug = vi.fn();
  const notify = createDesktopNotifier({
    logger: { ...silentLogger, debug },
    platform: 'linux',
    env: { PATH: bin },
  });
  notify(notification);
  await vi.waitFor(() => {
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('no desktop notifications'));
  });
  await expect(readFile(out, 'utf8')).rejects.toThrow();
});
