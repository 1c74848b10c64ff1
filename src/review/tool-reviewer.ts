import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import { buildFindingRecord } from '../core/audit/build-records.js';
import type { Logger } from '../core/logger.js';
import type { Finding } from '../core/scanner/finding.js';
import {
  scanInSlices,
  type ScanLimits,
  type ScanScheduler,
} from '../core/scanner/scan-in-slices.js';
import type { ScannableTool, Scanner } from '../core/scanner/scanner.js';
import { INSTRUCTIONS_KEY } from '../core/pinning/pinned-form.js';
import type { PinStatus, PinStore } from '../pins/pin-store.js';
import type { FindingFilter } from '../pipeline/scan-content.js';

/** A tool definition as the scanner reads it: all of it, since a client may show the model any field. */
export const toScannable = (tool: Tool): ScannableTool => tool;

/** The audit rule for a name a backend lists more than once. */
export const DUPLICATE_TOOL_RULE = 'tool.duplicate-name';

/** Instructions longer than this are scanned up to here; the rest counts as `scan.incomplete`. */
export const maxInstructionsChars = 262144;

/** What the gateway concluded about one tool definition before any call. */
export interface ToolReview {
  /** Description findings that count (threshold and `scanning.allow` applied). */
  readonly findings: readonly Finding[];
  readonly pin: PinStatus | 'off';
  /** Why the tool is withheld from the agent, if it is. */
  readonly blocked: string | undefined;
  readonly blockedBy: 'pin' | 'description' | 'duplicate' | 'review' | undefined;
}

export interface ToolReviewerOptions {
  readonly scanner: Scanner;
  readonly filter: () => FindingFilter;
  readonly descriptions: () => 'block' | 'warn' | 'off';
  readonly pinning: () => 'block' | 'warn' | 'off';
  readonly pins: PinStore | undefined;
  readonly audit: AuditSink;
  readonly logger: Logger;
  /** `scanning.maxChars` and `maxMs`, per tool definition. */
  readonly limits: () => ScanLimits;
  /** Pauses between slices of a large definition, so calls are served meanwhile. */
  readonly scheduler: ScanScheduler;
  /** A server's own instructions text scanned clean (to remember across runs). */
  readonly onCleanInstructions?: (server: string, text: string) => void;
  /** Whether a server's own instructions text scanned clean in an earlier run, under today's key. */
  readonly knownCleanInstructions?: (server: string, text: string) => boolean;
  /** Clean verdicts on whole listings kept across runs (the tool cache's). */
  readonly listings?: ListingVerdicts;
}

/**
 * Clean scans of a server's listing remembered across runs under a review key (the listing,
 * its context, the scanner build, the settings): a listing known clean is not scanned again,
 * so a warm start serves its tools without building the scanner.
 */
export interface ListingVerdicts {
  /** The review key of a listing scanned with `context`; undefined if it has none. */
  keyFor(server: string, tools: readonly Tool[], context: ScanContext): string | undefined;
  /** Whether this server's listing scanned clean under `key` in an earlier run. */
  isClean(server: string, key: string): boolean;
  /** Every tool of the listing scanned clean under `key`. */
  markClean(server: string, key: string): void;
}

export interface ScanContext {
  readonly otherServers: readonly string[];
  readonly otherToolNames: readonly string[];
}

/** The verdict on one server's instructions text, kept until the text or the settings change. */
interface InstructionsVerdict {
  readonly text: string;
  readonly shown: string | undefined;
}

/**
 * Reviews each backend's tool list when it changes: scans every definition as a whole tool
 * (DESIGN §8) and checks it against its pin; blocked tools are withheld from the agent. A name
 * listed twice is refused in every copy, as the catalog refuses it. Also scans the server's
 * `instructions` before they reach an agent.
 */
export class ToolReviewer {
  private readonly reviews = new Map<string, Map<string, ToolReview>>();
  private readonly reviewed = new Map<string, readonly Tool[]>();
  // Scanning is per definition object, so an unchanged listing is never scanned twice.
  private scans = new WeakMap<Tool, Finding[]>();
  private readonly pinnedInstructions = new Map<string, string>();
  private instructions = new Map<string, InstructionsVerdict>();
  private readonly reportedDuplicates = new Map<string, string>();

  constructor(private readonly options: ToolReviewerOptions) {}

  /** The review of a tool, once its server's listing was reviewed. */
  get(server: string, tool: string): ToolReview | undefined {
    return this.reviews.get(server)?.get(tool);
  }

  /** The listing of `server` whose reviews `get` answers from (the exact array reviewed). */
  reviewedListing(server: string): readonly Tool[] | undefined {
    return this.reviewed.get(server);
  }

  /** Reviews a server's listing unless this exact listing was reviewed already. */
  async review(
    server: string,
    tools: readonly Tool[],
    instructions: string | undefined,
    context: ScanContext,
  ): Promise<void> {
    if (this.reviewed.get(server) === tools) return;
    const { options } = this;
    const duplicates = duplicateNames(tools);
    this.reportDuplicates(server, duplicates);
    const unique = duplicates.size === 0 ? tools : tools.filter((t) => !duplicates.has(t.name));
    const pinMode = options.pinning();
    const pinCheck =
      pinMode === 'off' || options.pins === undefined
        ? undefined
        : await options.pins.check(server, unique, instructions);
    const pins = new Map(pinCheck?.tools.map((t) => [t.tool, t.status]));
    this.pinnedInstructions.delete(server);
    if (pinCheck?.instructions.status === 'drifted') {
      if (pinMode === 'block') {
        // The agent keeps reading the approved text until the change is approved.
        const pinned = options.pins?.list({ server, tool: INSTRUCTIONS_KEY })[0]?.definition[
          'instructions'
        ];
        this.pinnedInstructions.set(server, typeof pinned === 'string' ? pinned : '');
      }
      options.logger.warn(
        `Server "${server}" changed its instructions since they were pinned; run \`mcp-gateway pins diff ${server}\`.`,
      );
    }
    const reviews = new Map<string, ToolReview>();
    // One context object for the whole listing, so the scanner compiles the neighbours' names once.
    const scanContext = { server, ...context };
    // Scanned clean before under the same key (same definitions, neighbours, scanner, settings):
    // scanning again would find nothing again, and nothing was recorded then either.
    const key =
      options.descriptions() === 'off'
        ? undefined
        : options.listings?.keyFor(server, unique, context);
    const knownClean = key !== undefined && options.listings?.isClean(server, key) === true;
    let clean = true;
    for (const tool of unique) {
      const findings = knownClean ? [] : await this.scanOnce(server, tool, scanContext);
      if (findings.length > 0) clean = false;
      const pin = pins.get(tool.name) ?? 'off';
      let blocked: string | undefined;
      let blockedBy: ToolReview['blockedBy'];
      if (pin === 'drifted') {
        const message = `the definition of ${server}/${tool.name} changed since it was approved (a possible rug pull); review it with \`mcp-gateway pins diff ${server}/${tool.name}\` and accept it with \`mcp-gateway pins approve ${server}/${tool.name}\``;
        options.logger.warn(
          `Tool ${server}/${tool.name}: ${message}${pinMode === 'block' ? '; it is blocked until then' : ''}.`,
        );
        options.audit.append({
          type: 'finding',
          rule: 'pin.drift',
          severity: 'high',
          server,
          tool: tool.name,
          field: 'definition',
          span: [0, 0],
        });
        if (pinMode === 'block') {
          blocked = message;
          blockedBy = 'pin';
        }
      }
      if (blocked === undefined && findings.length > 0 && options.descriptions() === 'block') {
        blockedBy = 'description';
        blocked = `its description matched the content scanner (${[...new Set(findings.map((f) => f.rule))].join(', ')})`;
        options.logger.warn(
          `Tool ${server}/${tool.name} is hidden: ${blocked}. Silence a rule with scanning.allow if it is a false positive.`,
        );
      }
      reviews.set(tool.name, { findings, pin, blocked, blockedBy });
    }
    for (const [name, count] of duplicates) {
      reviews.set(name, {
        findings: [],
        pin: 'off',
        blocked: `${server} lists ${count} tools named "${name}", so which one a call runs is unknown`,
        blockedBy: 'duplicate',
      });
    }
    this.reviews.set(server, reviews);
    this.reviewed.set(server, tools);
    if (key !== undefined && clean && !knownClean) options.listings?.markClean(server, key);
  }

  /**
   * A listing whose review failed (the pins file unreadable, say): when pins or descriptions are
   * on `block`, a review could have withheld any of its tools, so all are withheld rather than
   * served unchecked; the listing stays unreviewed, so the next refresh tries again. Returns
   * whether the tools are withheld.
   */
  refuse(server: string, tools: readonly Tool[], reason: string): boolean {
    const { options } = this;
    if (options.pinning() !== 'block' && options.descriptions() !== 'block') return false;
    this.reviewed.delete(server);
    const blocked = `the gateway could not review the tools of ${server} (${reason}); they are withheld until a review succeeds`;
    const review: ToolReview = { findings: [], pin: 'off', blocked, blockedBy: 'review' };
    this.reviews.set(server, new Map(tools.map((t) => [t.name, review])));
    return true;
  }

  /**
   * The instructions to show for a server: the live text, or the pinned one while a change awaits
   * approval, once scanned like a tool description. With `scanning.descriptions: block`, text that
   * matches is withheld and a notice stands in its place; every finding is reported once.
   */
  instructionsFor(server: string, live: string | undefined): string | undefined {
    const text = this.pinnedInstructions.get(server) ?? live;
    if (text === undefined || text === '') return text;
    const { options } = this;
    const action = options.descriptions();
    if (action === 'off') return text;
    const known = this.instructions.get(server);
    if (known?.text === text) return known.shown;
    // Known clean from an earlier run under the same key: the scan would find nothing again.
    const findings =
      text === live && options.knownCleanInstructions?.(server, text) === true
        ? []
        : this.scanInstructions(server, text);
    // Only the server's own text: a pinned one shown in its place says nothing about it.
    if (findings.length === 0 && text === live) this.options.onCleanInstructions?.(server, text);
    let shown: string | undefined = text;
    if (findings.length > 0) {
      const rules = [...new Set(findings.map((f) => f.rule))].join(', ');
      const withheld = action === 'block';
      this.options.logger.warn(
        `The instructions of server "${server}" matched the content scanner (${rules})${withheld ? '; they are withheld from the agent' : ''}. Silence a rule with scanning.allow (match "${server}/${INSTRUCTIONS_KEY}") if it is a false positive.`,
      );
      if (withheld)
        shown = `[mcp-gateway withheld the instructions of this server: they matched the content scanner (${rules}).]`;
    }
    this.instructions.set(server, { text, shown });
    return shown;
  }

  /** Forgets every review, so the next listing is scanned again (settings changed). */
  reset(): void {
    this.reviewed.clear();
    this.scans = new WeakMap();
    this.instructions = new Map();
  }

  /** Forgets servers that are gone. */
  retain(servers: ReadonlySet<string>): void {
    for (const server of this.reviews.keys()) {
      if (!servers.has(server)) {
        this.reviews.delete(server);
        this.reviewed.delete(server);
        this.instructions.delete(server);
        this.reportedDuplicates.delete(server);
      }
    }
  }

  // Synchronous: the text is needed the moment an agent initializes, cached instructions included,
  // so it is read up to a bound that keeps that moment short.
  private scanInstructions(server: string, text: string): Finding[] {
    const { options } = this;
    const limit = Math.min(options.limits().maxChars, maxInstructionsChars);
    const job = options.scanner.startText(text, 'instructions', { surface: 'description' });
    job.step(limit);
    const all = job.finish(`instructions longer than ${limit} characters`);
    const findings = options.filter()(server, INSTRUCTIONS_KEY, all);
    for (const finding of findings)
      options.audit.append(buildFindingRecord({ server, tool: undefined, finding }));
    return findings;
  }

  private reportDuplicates(server: string, duplicates: ReadonlyMap<string, number>): void {
    const key = [...duplicates].map(([name, count]) => `${name}×${count}`).join(',');
    if (this.reportedDuplicates.get(server) === key) return;
    this.reportedDuplicates.set(server, key);
    for (const [name, count] of duplicates) {
      this.options.logger.warn(
        `Server "${server}" lists ${count} tools named "${name}"; none of them is offered, since a call could run either. Fix the server's tool list.`,
      );
      this.options.audit.append({
        type: 'finding',
        rule: DUPLICATE_TOOL_RULE,
        severity: 'high',
        server,
        tool: name,
        field: 'name',
        span: [0, 0],
      });
    }
  }

  private async scanOnce(
    server: string,
    tool: Tool,
    context: { readonly server: string } & ScanContext,
  ): Promise<Finding[]> {
    const known = this.scans.get(tool);
    if (known !== undefined) return known;
    const { options } = this;
    const all =
      options.descriptions() === 'off'
        ? []
        : await scanInSlices(
            options.scanner.startTool(toScannable(tool), context),
            options.limits(),
            options.scheduler,
          );
    const findings = options.filter()(server, tool.name, all);
    for (const finding of findings)
      options.audit.append(buildFindingRecord({ server, tool: tool.name, finding }));
    this.scans.set(tool, findings);
    return findings;
  }
}

/** Names listed more than once, with how many times. */
const duplicateNames = (tools: readonly Tool[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const tool of tools) counts.set(tool.name, (counts.get(tool.name) ?? 0) + 1);
  for (const [name, count] of counts) if (count < 2) counts.delete(name);
  return counts;
};
