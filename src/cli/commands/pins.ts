import { loadConfig } from '../../config/load.js';
import { formatDiffLine } from '../../core/pinning/format-diff-line.js';
import { parsePinFilter } from '../../core/pinning/pin-filter.js';
import { openPinStore } from '../../pins/pin-store.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions, withErrors } from '../context.js';
import { formatTable } from '../output.js';

type PinsOptions = GlobalOptions & { json?: boolean };

/** `pins list|diff|approve [SERVER[/TOOL]]`: the tool-definition pins; list and diff exit 1 when something drifted. */
export const pinsCommand = async (
  action: 'list' | 'diff' | 'approve',
  target: string | undefined,
  options: PinsOptions,
  deps: CliDeps,
): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const config = await loadConfig(loadOptionsFor(options, deps));
    const store = await openPinStore(config.stateDir);
    const filter = parsePinFilter(target);
    const { color } = output;
    switch (action) {
      case 'list': {
        const pins = store.list(filter);
        if (options.json === true) output.out(JSON.stringify(pins, null, 2));
        else if (pins.length === 0)
          output.out('No pins yet: tools are pinned the first time the gateway sees them.');
        else {
          const rows = pins.map((p) => [
            p.server,
            p.tool,
            p.pending === undefined ? color.green('pinned') : color.red('drifted'),
            p.hash.slice(0, 19),
            p.pinnedAt,
          ]);
          for (const line of formatTable(
            rows,
            ['SERVER', 'TOOL', 'STATUS', 'HASH', 'PINNED AT'],
            color,
          ))
            output.out(line);
        }
        return pins.some((p) => p.pending !== undefined) ? 1 : 0;
      }
      case 'diff': {
        const diffs = store.diff(filter);
        if (options.json === true) output.out(JSON.stringify(diffs, null, 2));
        else if (diffs.length === 0)
          output.out(color.green('✓ No drift: every tool matches its pin.'));
        else {
          for (const d of diffs) {
            output.out(color.bold(`${d.server}/${d.tool} changed since it was pinned:`));
            for (const line of d.lines) output.out(`  ${formatDiffLine(line)}`);
          }
          output.err(
            `Approve what you reviewed with: mcp-gateway pins approve ${target ?? '[SERVER[/TOOL]]'}`,
          );
        }
        return diffs.length > 0 ? 1 : 0;
      }
      case 'approve': {
        const approved = await store.approve(filter);
        if (options.json === true) output.out(JSON.stringify({ approved }, null, 2));
        else if (approved.length === 0) output.out('Nothing to approve: no drifted tool matches.');
        else
          for (const a of approved)
            output.out(`${color.green('✓')} approved ${a.server}/${a.tool}`);
        return 0;
      }
    }
  });
