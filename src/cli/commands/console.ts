import { requestConsole } from '../../console/console-client.js';
import { openBrowser } from '../../console/open-browser.js';
import { GatewayError } from '../../core/errors.js';
import { withErrors, type CliDeps, type GlobalOptions } from '../context.js';
import { runningConsoles } from './approvals.js';

type ConsoleOptions = GlobalOptions & {
  json?: boolean;
  open: boolean;
  pid?: string;
  all?: boolean;
};

/**
 * `console`: lists the running gateways of this config (`--all`: of every config this user runs
 * on the machine) with their consoles, and opens the newest (or `--pid`'s) in the browser with a
 * fresh one-time login link.
 */
export const consoleCommand = async (options: ConsoleOptions, deps: CliDeps): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const { entries } = await runningConsoles(options, deps);
    const pid = options.pid === undefined ? undefined : Number(options.pid);
    if (pid !== undefined && !entries.some((entry) => entry.pid === pid)) {
      throw new GatewayError(
        'CONSOLE_UNAVAILABLE',
        `No gateway with pid ${options.pid ?? ''} runs a console ${options.all === true ? 'on this machine' : 'for this config'}; running: ${entries.map((e) => e.pid).join(', ')}`,
      );
    }
    const chosen = pid ?? entries.at(-1)?.pid;
    const consoles = [];
    for (const entry of entries) {
      const { url } = await requestConsole<{ url: string }>(entry, 'POST', '/api/login', {});
      consoles.push({
        pid: entry.pid,
        port: entry.port,
        url: entry.url,
        loginUrl: url,
        configFile: entry.configFile,
        version: entry.version,
        startedAt: entry.startedAt,
      });
    }
    const target = consoles.find((c) => c.pid === chosen);
    const opened =
      options.open && target !== undefined
        ? await openBrowser(target.loginUrl, { env: deps.env })
        : false;
    if (options.json === true) {
      output.out(JSON.stringify({ consoles, opened: opened ? chosen : null }, null, 2));
      return 0;
    }
    const { color } = output;
    for (const c of consoles) {
      output.out(
        `${c.pid === chosen ? color.bold('▸') : ' '} pid ${c.pid}  ${c.url}  started ${new Date(c.startedAt).toLocaleString()}  ${c.configFile ?? ''}`,
      );
      output.out(`    ${c.loginUrl}`);
    }
    output.err(
      color.dim(
        opened
          ? `Opened the console of pid ${String(chosen)} in your browser. Each link logs in once and is good for 2 minutes.`
          : 'Open a link in your browser: each logs in once and is good for 2 minutes.',
      ),
    );
    return 0;
  });
