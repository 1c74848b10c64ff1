import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { ClientProfile } from '../clients/client-profile.js';
import {
  ErrorCode,
  McpError,
  type CallToolResult,
  type ReadResourceResult,
} from '@modelcontextprotocol/sdk/types.js';
import { buildResultRecord, toAuditSession } from '../core/audit/build-records.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import type { FindSecrets } from '../core/audit/redact-secrets.js';
import { parseResultUri, RESULT_URI_TEMPLATE, toResultUri } from '../core/results/result-uri.js';
import type { Receipt } from '../core/tool-call.js';
import type { FitResultOptions } from '../pipeline/fit-result.js';
import { RECEIPT_KEY } from '../frontend/to-mcp-response.js';
import type { OwnResources } from '../frontend/protocol-router.js';
import type { KeptResult, ResultStore } from '../results/result-store.js';
import type { AgentSession, AgentSessions } from './agent-sessions.js';
import type { Runtime } from './runtime.js';

/** What a read's `_meta` says about the bytes it returned. */
export const RANGE_KEY = 'mcp-gateway/range';

/** JSON-RPC error for a resource that does not exist (MCP spec, resources). */
const RESOURCE_NOT_FOUND = -32002;

export interface KeptResultsOptions {
  readonly store: ResultStore;
  readonly sessions: AgentSessions;
  /** The profile of a session's client (undefined while the gateway is still being wired). */
  readonly profileFor: (session: AgentSession) => ClientProfile | undefined;
  readonly runtime: () => Runtime;
  /** Where the reads are recorded; undefined: the gateway writes no audit log. */
  readonly audit: AuditSink | undefined;
  readonly findSecrets: FindSecrets;
  readonly digest: (value: unknown) => { bytes: number; sha256: string };
  /** The session behind each agent-facing server. */
  readonly sessionOf: (front: Server) => AgentSession | undefined;
}

/**
 * Large results (issue #15 §4), wired: the pipeline step's ports (the session's limit, where
 * the whole text goes) and the `mcp-gateway://results/<id>` resources that serve it back to
 * the session that got the cut result, each read audited as a call and its result.
 */
export const createKeptResults = (
  options: KeptResultsOptions,
): { fit: FitResultOptions; resources: OwnResources } => {
  const { store, sessions } = options;
  let reads = 0;
  const prefix = `r${process.pid.toString(36)}`;

  const fit: FitResultOptions = {
    limitFor: (ctx) => {
      // Calls with no agent in front (`mcp-gateway call`) print their whole result.
      const session = sessions.sessionOfCall(ctx);
      if (session === undefined) return undefined;
      const profile = options.profileFor(session);
      return profile?.resultBytes === undefined
        ? undefined
        : { bytes: profile.resultBytes, client: profile.title };
    },
    keep: async (ctx, text, bytes) => {
      const session = sessions.sessionOfCall(ctx);
      if (session === undefined) return { reason: 'no session to read it from' };
      return await store.keep(session, text, bytes, { id: ctx.id, exposed: ctx.exposed });
    },
  };

  const read = async (session: AgentSession, uri: string): Promise<ReadResourceResult> => {
    const parsed = parseResultUri(uri);
    if (parsed === undefined) throw new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}`);
    if ('error' in parsed) throw new McpError(ErrorCode.InvalidParams, `${uri}: ${parsed.error}`);
    const started = performance.now();
    const slice = await store.read(session, parsed.id, parsed.offset, parsed.length);
    if ('error' in slice) throw new McpError(RESOURCE_NOT_FOUND, slice.error);
    const content: CallToolResult = { content: [{ type: 'text', text: slice.text }] };
    const receipt = await record(session, uri, slice.kept, content, performance.now() - started);
    const next = slice.offset + slice.length;
    return {
      contents: [{ uri, mimeType: 'text/plain', text: slice.text }],
      _meta: {
        [RANGE_KEY]: {
          offset: slice.offset,
          length: slice.length,
          total: slice.total,
          next:
            next < slice.total
              ? toResultUri(parsed.id, { offset: next, length: parsed.length ?? slice.length })
              : null,
        },
        ...(receipt === undefined ? {} : { [RECEIPT_KEY]: receipt }),
      },
    };
  };

  /** Audited like any result: a call naming the kept result, and its result record. */
  const record = async (
    session: AgentSession,
    uri: string,
    kept: KeptResult,
    content: CallToolResult,
    ms: number,
  ): Promise<Receipt | undefined> => {
    const { audit } = options;
    if (audit === undefined) return undefined;
    const { config } = options.runtime();
    // As for calls: a log that cannot be written refuses the read when the policy is enforced.
    if (!audit.healthy && config.policy.mode === 'enforce')
      throw new McpError(
        ErrorCode.InternalError,
        'The audit log cannot be written, so kept results cannot be read (see the gateway log)',
      );
    const callId = `${prefix}-${++reads}`;
    audit.append({
      type: 'call',
      call: { id: callId },
      server: 'mcp-gateway',
      tool: 'results/read',
      exposed: uri,
      args: { uri, of: kept.callId, tool: kept.exposed },
      redacted: [],
      def_hash: null,
      decision: {
        effect: 'allow',
        final: 'allow',
        rules: [],
        deciding: 'kept-result',
        mode: config.policy.mode,
        policy: config.policy.digest,
      },
      session: toAuditSession(session.info),
    });
    const receipt = audit.append(
      buildResultRecord({
        callId,
        outcome: { kind: 'ok', result: content },
        ms,
        results: config.audit.results,
        digest: options.digest(content),
        findSecrets: options.findSecrets,
      }),
    );
    await audit.written();
    return receipt;
  };

  const resources: OwnResources = {
    read: (front, uri) => {
      if (parseResultUri(uri) === undefined) return undefined;
      const session = options.sessionOf(front);
      if (session === undefined) return undefined;
      return read(session, uri);
    },
    list: (front) => {
      const session = options.sessionOf(front);
      if (session === undefined) return [];
      return store.listFor(session).map((kept) => ({
        uri: toResultUri(kept.id),
        name: `result of ${kept.exposed} (call ${kept.callId})`,
        description: `The whole text of a result cut to fit this client (${kept.bytes} bytes); read it in parts with ?offset=&length= (bytes).`,
        mimeType: 'text/plain',
        size: kept.bytes,
      }));
    },
    templates: () => [
      {
        uriTemplate: RESULT_URI_TEMPLATE,
        name: 'kept-result',
        description:
          'The whole text of a tool result the gateway cut to fit this client, for this session; offset and length count bytes of UTF-8 text.',
        mimeType: 'text/plain',
      },
    ],
  };

  return { fit, resources };
};
