import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../core/logger.js';

/** A notification: a title, a body, and the page it points at. */
export interface DesktopNotification {
  readonly title: string;
  readonly body: string;
  readonly url: string;
}

/** Shows a notification; never throws and never waits for the user. */
export type NotifyDesktop = (notification: DesktopNotification) => void;

/** How this platform shows a notification, if it can. */
interface NotifyCommand {
  readonly file: string;
  readonly args: (notification: DesktopNotification) => string[];
}

const isExecutable = async (file: string): Promise<boolean> => {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first `name` on PATH, like `which`. */
const findOnPath = async (
  name: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string | undefined> => {
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
};

// AppleScript and PowerShell string literals: the text comes from tool names and rule ids.
const appleScriptString = (text: string): string =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const powerShellString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const findNotifyCommand = async (
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): Promise<NotifyCommand | undefined> => {
  if (platform === 'darwin') {
    const file = await findOnPath('osascript', env);
    return file === undefined
      ? undefined
      : {
          file,
          args: (n) => [
            '-e',
            `display notification ${appleScriptString(`${n.body} ${n.url}`)} with title ${appleScriptString(n.title)}`,
          ],
        };
  }
  if (platform === 'win32') {
    const file = (await findOnPath('powershell.exe', env)) ?? (await findOnPath('pwsh.exe', env));
    if (file === undefined) return undefined;
    return {
      file,
      args: (n) => [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        [
          'Add-Type -AssemblyName System.Windows.Forms',
          '$n = New-Object System.Windows.Forms.NotifyIcon',
          '$n.Icon = [System.Drawing.SystemIcons]::Warning',
          '$n.Visible = $true',
          `$n.ShowBalloonTip(10000, ${powerShellString(n.title)}, ${powerShellString(`${n.body} ${n.url}`)}, 'Warning')`,
          'Start-Sleep -Seconds 10',
          '$n.Dispose()',
        ].join('; '),
      ],
    };
  }
  // Linux and the BSDs: freedesktop notifications, which most daemons show with the URL linked.
  if (env['DISPLAY'] === undefined && env['WAYLAND_DISPLAY'] === undefined) return undefined;
  const file = await findOnPath('notify-send', env);
  return file === undefined
    ? undefined
    : {
        file,
        args: (n) => [
          '--app-name=mcp-gateway',
          '--urgency=critical',
          n.title,
          `${n.body}\n<a href="${n.url}">${n.url}</a>`,
        ],
      };
};

/**
 * Desktop notifications through notify-send (Linux), osascript (macOS) or PowerShell (Windows).
 * Best effort: no such command, no display, or a failure is logged at debug level and ignored.
 */
export const createDesktopNotifier = (options: {
  readonly logger: Logger;
  readonly platform?: NodeJS.Platform;
  readonly env?: Readonly<Record<string, string | undefined>>;
}): NotifyDesktop => {
  const env = options.env ?? process.env;
  // Looked up once, on the first notification: most sessions never need one.
  let command: Promise<NotifyCommand | undefined> | undefined;
  return (notification) => {
    command ??= findNotifyCommand(options.platform ?? process.platform, env);
    void command
      .then(async (found) => {
        if (found === undefined) {
          options.logger.debug('no desktop notifications here (no notify command or display)');
          return;
        }
        // Loaded here, not with the gateway: execa's 180 KB would sit on every start's path.
        const { execa } = await import('execa');
        await execa(found.file, found.args(notification), {
          stdin: 'ignore',
          stdout: 'ignore',
          stderr: 'ignore',
          timeout: 15_000,
          env: { ...env },
          extendEnv: false,
        });
      })
      .catch((error: unknown) => {
        options.logger.debug(`desktop notification failed: ${String(error)}`);
      });
  };
};
