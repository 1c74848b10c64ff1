import { execa } from 'execa';

/** The command that opens a URL in the user's browser here, if there is one. */
const openerFor = (
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): { file: string; args: (url: string) => string[] } | undefined => {
  if (platform === 'darwin') return { file: 'open', args: (url) => [url] };
  // `start` treats its first quoted argument as a window title, hence the empty one.
  if (platform === 'win32') return { file: 'cmd', args: (url) => ['/c', 'start', '""', url] };
  if (env['DISPLAY'] === undefined && env['WAYLAND_DISPLAY'] === undefined) return undefined;
  return { file: 'xdg-open', args: (url) => [url] };
};

/** Opens a URL in the browser; false when this machine has no way to (a server, SSH, CI). */
export const openBrowser = async (
  url: string,
  options: {
    readonly platform?: NodeJS.Platform;
    readonly env?: Readonly<Record<string, string | undefined>>;
  } = {},
): Promise<boolean> => {
  const opener = openerFor(options.platform ?? process.platform, options.env ?? process.env);
  if (opener === undefined) return false;
  try {
    const child = execa(opener.file, opener.args(url), {
      stdio: 'ignore',
      detached: true,
      cleanup: false,
      windowsVerbatimArguments: true,
    });
    child.unref();
    // The opener returns at once (the browser lives on); a missing opener fails at spawn.
    await Promise.race([child, new Promise((resolve) => setTimeout(resolve, 1500).unref())]);
    return true;
  } catch {
    return false;
  }
};
