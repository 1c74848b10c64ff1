import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import { buildFindingRecord } from '../core/audit/build-records.js';
import type { Logger } from '../core/logger.js';
import type { Finding } from '../core/scanner/finding.js';
import type { ScannableTool, Scanner } from '../core/scanner/scanner.js';
import { INSTRUCTIONS_KEY } from '../core/pinning/pinned-form.js';
import type { PinStatus, PinStore } from '../pins/pin-store.js';
import type { FindingFilter } from '../pipeline/scan-content.js';

/** The parts of an MCP tool definition the scanner reads as one whole tool. */
export const toScannable = (tool: Tool): ScannableTool => ({
  name: tool.name,
  inputSchema: tool.inputSchema,
  annotations: tool.annotations,
  ...(tool.title === undefined ? {} : { title: tool.title }),
  ...(tool.description === undefined ? {} : { description: tool.description }),
});

/** What the gateway concluded about one tool definition before any call. */
export interface ToolReview {
  /** Description findings that count (threshold and `scanning.allow` applied). */
  readonly findings: readonly Finding[];
  readonly pin: PinStatus | 'off';
  /** Why the tool is withheld from the agent, if it is. */
  readonly blocked: string | undefined;
  readonly blockedBy: 'pin' | 'description' | undefined;
}

export interface ToolReviewerOptions {
  readonly scanner: Scanner;
  readonly filter: () => FindingFilter;
  readonly descriptions: () => 'block' | 'warn' | 'off';
  readonly pinning: () => 'block' | 'warn' | 'off';
  readonly pins: PinStore | undefined;
  readonly audit: AuditSink;
  readonly logger: Logger;
}

/**
 * Reviews each backend's tool list when it changes: scans every definition as a whole tool
 * (DESIGN §8) and checks it against its pin; blocked tools are withheld from the agent.
 */
export class ToolReviewer {
  private readonly reviews = new Map<string, Map<string, ToolReview>>();
  private readonly reviewed = new Map<string, readonly Tool[]>();
  // Scanning is per definition object, so an unchanged listing is never scanned twice.
  private scans = new WeakMap<Tool, Finding[]>();
  private readonly pinnedInstructions = new Map<string, string>();

  constructor(private readonly options: ToolReviewerOptions) {}

  /** The review of a tool, once its server's listing was reviewed. */
  get(server: string, tool: string): ToolReview | undefined {
    return this.reviews.get(server)?.get(tool);
  }

  /** Reviews a server's listing unless this exact listing was reviewed already. */
  async review(
    server: string,
    tools: readonly Tool[],
    instructions: string | undefined,
    context: {
      readonly otherServers: readonly string[];
      readonly otherToolNames: readonly string[];
    },
  ): Promise<void> {
    if (this.reviewed.get(server) === tools) return;
    const { options } = this;
    const pinMode = options.pinning();
    const pinCheck =
      pinMode === 'off' || options.pins === undefined
        ? undefined
        : await options.pins.check(server, tools, instructions);
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
    for (const tool of tools) {
      const findings = this.scanOnce(server, tool, context);
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
    this.reviews.set(server, reviews);
    this.reviewed.set(server, tools);
  }

  /** The instructions to show for a server: the live text, or the pinned one while a change awaits approval. */
  instructionsFor(server: string, live: string | undefined): string | undefined {
    return this.pinnedInstructions.get(server) ?? live;
  }

  /** Forgets every review, so the next listing is scanned again (settings changed). */
  reset(): void {
    this.reviewed.clear();
    this.scans = new WeakMap();
  }

  /** Forgets servers that are gone. */
  retain(servers: ReadonlySet<string>): void {
    for (const server of this.reviews.keys()) {
      if (!servers.has(server)) {
        this.reviews.delete(server);
        this.reviewed.delete(server);
      }
    }
  }

  private scanOnce(
    server: string,
    tool: Tool,
    context: {
      readonly otherServers: readonly string[];
      readonly otherToolNames: readonly string[];
    },
  ): Finding[] {
    const known = this.scans.get(tool);
    if (known !== undefined) return known;
    const { options } = this;
    const all =
      options.descriptions() === 'off'
        ? []
        : options.scanner.scanTool(toScannable(tool), { server, ...context });
    const findings = options.filter()(server, tool.name, all);
    for (const finding of findings)
      options.audit.append(buildFindingRecord({ server, tool: tool.name, finding }));
    this.scans.set(tool, findings);
    return findings;
  }
}
