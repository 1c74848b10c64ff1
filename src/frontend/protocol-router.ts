import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CompleteRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  RootsListChangedNotificationSchema,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
  type Prompt,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplate,
  type ResultSchema,
  type ServerCapabilities,
} from '@modelcontextprotocol/sdk/types.js';
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { isGatewayError } from '../core/errors.js';
import { RelayedRpcError } from './to-mcp-response.js';
import type { Logger } from '../core/logger.js';
import type { NamingOptions } from '../core/naming/namespace.js';
import { parseGatewayUri, toGatewayUri } from '../core/routing/resource-uri.js';
import { buildToolCatalog, type ToolCatalog } from '../core/routing/tool-catalog.js';
import type { ReadSource, ReadVerdict } from '../pipeline/scan-read-content.js';

// Answers from the agent go back to the backend as the agent wrote them.
const passThrough = {
  safeParse: (data: unknown) => ({ success: true as const, data }),
} as unknown as typeof ResultSchema;

/** Port: one backend as the router needs it (the gateway passes its live backends). */
export interface RoutedBackend {
  readonly name: string;
  readonly capabilities: ServerCapabilities | undefined;
  /** Forwards a request with its params as given; the answer is not re-validated. */
  request(
    method: string,
    params: Record<string, unknown> | undefined,
    options: { readonly signal?: AbortSignal | undefined },
  ): Promise<Record<string, unknown>>;
  /** Every item over every page of a list method. */
  listAll<T>(method: string, key: string): Promise<T[]>;
  notify(method: string, params?: Record<string, unknown>): Promise<void>;
}

/** Resources the gateway serves itself to one session (kept results), ahead of the backends. */
export interface OwnResources {
  /** The answer for a URI of the gateway's own; undefined when the URI is not one. */
  read(front: Server, uri: string): Promise<ReadResourceResult> | undefined;
  list(front: Server): Resource[];
  templates(): ResourceTemplate[];
}

export interface ProtocolRouterOptions {
  /** The backends that are up now. */
  readonly backends: () => readonly RoutedBackend[];
  /** The agent session that should answer a request from this backend. */
  readonly agent: (server: string) => Server | undefined;
  /** Every initialized agent session, for notifications. */
  readonly agents: () => readonly Server[];
  readonly naming: () => NamingOptions;
  readonly logger: Logger;
  /** Resolves once the first round of backend starts has settled. */
  readonly ready: () => Promise<void>;
  readonly own?: OwnResources;
  /** Scans what resources/read and prompts/get return before the agent gets it. */
  readonly scanRead?: (source: ReadSource, result: Record<string, unknown>) => Promise<ReadVerdict>;
}

/** What the gateway wires into the pool: a backend's notifications and requests, for the agent. */
export interface ProtocolRelay {
  onNotification(
    backend: RoutedBackend,
    notification: { method: string; params?: Record<string, unknown> | undefined },
  ): void;
  onRequest(
    backend: RoutedBackend,
    request: { method: string; params?: Record<string, unknown> | undefined },
    signal: AbortSignal,
  ): Promise<Record<string, unknown>>;
}

/**
 * Everything MCP offers besides tools, forwarded both ways (DESIGN §5): prompts namespaced like
 * tools, resources routed by an index of who listed them (URIs listed twice are rewritten),
 * completions, logging, list_changed, and server→client requests relayed to the agent.
 */
export const createProtocolRouter = (options: ProtocolRouterOptions) => {
  const { logger } = options;
  let prompts: ToolCatalog<Prompt> = buildToolCatalog<Prompt>([], options.naming());
  /** URI the agent sees → backend and original URI, from the last resources/list. */
  const resourceIndex = new Map<string, { server: string; uri: string }>();
  let templates: {
    server: string;
    template: ResourceTemplate;
    matcher: UriTemplate | undefined;
  }[] = [];

  const backendsWith = (
    capability: 'prompts' | 'resources' | 'logging' | 'completions',
  ): RoutedBackend[] =>
    options.backends().filter((b) => b.capabilities?.[capability] !== undefined);

  const backendNamed = (name: string): RoutedBackend => {
    const backend = options.backends().find((b) => b.name === name);
    if (backend === undefined) {
      throw new McpError(ErrorCode.InvalidParams, `Backend "${name}" is not available right now`);
    }
    return backend;
  };

  /** Gathers one list from every capable backend; a backend that fails is reported and skipped. */
  const gather = async (
    capability: 'prompts' | 'resources',
    method: string,
    key: string,
  ): Promise<{ server: string; items: unknown[] }[]> =>
    await Promise.all(
      backendsWith(capability).map(async (backend) => {
        try {
          return { server: backend.name, items: await backend.listAll<unknown>(method, key) };
        } catch (error) {
          logger.warn(`[${backend.name}] ${method} failed: ${(error as Error).message}`);
          return { server: backend.name, items: [] };
        }
      }),
    );

  const refreshPrompts = async (): Promise<void> => {
    const listings = await gather('prompts', 'prompts/list', 'prompts');
    prompts = buildToolCatalog<Prompt>(
      listings.map((l) => ({ server: l.server, tools: l.items as Prompt[] })),
      options.naming(),
    );
  };

  const refreshResources = async (): Promise<Resource[]> => {
    const listings = (await gather('resources', 'resources/list', 'resources')) as {
      server: string;
      items: Resource[];
    }[];
    const owners = new Map<string, number>();
    for (const listing of listings)
      for (const r of listing.items) owners.set(r.uri, (owners.get(r.uri) ?? 0) + 1);
    resourceIndex.clear();
    const merged: Resource[] = [];
    for (const listing of listings) {
      for (const resource of listing.items) {
        // A URI two backends both list is exposed twice, each under a reversible gateway URI.
        const exposed =
          (owners.get(resource.uri) ?? 0) > 1
            ? toGatewayUri(listing.server, resource.uri)
            : resource.uri;
        resourceIndex.set(exposed, { server: listing.server, uri: resource.uri });
        merged.push(exposed === resource.uri ? resource : { ...resource, uri: exposed });
      }
    }
    return merged;
  };

  const refreshTemplates = async (): Promise<ResourceTemplate[]> => {
    const listings = (await gather(
      'resources',
      'resources/templates/list',
      'resourceTemplates',
    )) as {
      server: string;
      items: ResourceTemplate[];
    }[];
    templates = listings.flatMap((l) =>
      l.items.map((template) => {
        let matcher: UriTemplate | undefined;
        try {
          matcher = new UriTemplate(template.uriTemplate);
        } catch {
          matcher = undefined;
        }
        return { server: l.server, template, matcher };
      }),
    );
    return templates.map((t) => t.template);
  };

  /** Which backend a URI belongs to: rewritten URI, listed URI, template match, or the only candidate. */
  const resolveUri = async (uri: string): Promise<{ backend: RoutedBackend; uri: string }> => {
    const rewritten = parseGatewayUri(uri);
    if (rewritten !== undefined)
      return { backend: backendNamed(rewritten.server), uri: rewritten.uri };
    let known = resourceIndex.get(uri);
    if (known === undefined) {
      // A read right after connecting may come before the backends are up.
      await options.ready();
      await refreshResources();
      known = resourceIndex.get(uri);
    }
    if (known !== undefined) return { backend: backendNamed(known.server), uri: known.uri };
    if (templates.length === 0) await refreshTemplates();
    const byTemplate = templates.find((t) => t.matcher?.match(uri) != null);
    if (byTemplate !== undefined) return { backend: backendNamed(byTemplate.server), uri };
    const candidates = backendsWith('resources');
    if (candidates.length === 1 && candidates[0] !== undefined)
      return { backend: candidates[0], uri };
    throw new McpError(
      ErrorCode.InvalidParams,
      `Resource not found: ${uri} (no backend lists it; call resources/list first)`,
    );
  };

  const forward = async (
    backend: RoutedBackend,
    method: string,
    params: Record<string, unknown>,
    signal: AbortSignal,
  ) => {
    try {
      return await backend.request(method, params, { signal });
    } catch (error) {
      throw toProtocolError(error);
    }
  };

  /** The answer the agent gets after the scan: as it was, redacted, with a notice, or an error. */
  const screened = async (
    source: ReadSource,
    result: Record<string, unknown>,
  ): Promise<Record<string, unknown>> => {
    if (options.scanRead === undefined) return result;
    const verdict = await options.scanRead(source, result);
    if (verdict.kind === 'pass') return verdict.result;
    throw new McpError(ErrorCode.InternalError, verdict.message, { rules: verdict.rules });
  };

  const install = (front: Server): void => {
    front.setRequestHandler(ListPromptsRequestSchema, async () => {
      await options.ready();
      await refreshPrompts();
      return { prompts: [...prompts.tools] };
    });
    front.setRequestHandler(GetPromptRequestSchema, async (request, extra) => {
      let route = prompts.routeFor(request.params.name);
      if (route === undefined) {
        await options.ready();
        await refreshPrompts();
        route = prompts.routeFor(request.params.name);
      }
      if (route === undefined)
        throw new McpError(
          ErrorCode.InvalidParams,
          `Unknown prompt "${request.params.name}"; call prompts/list`,
        );
      const result = await forward(
        backendNamed(route.server),
        'prompts/get',
        { ...request.params, name: route.tool },
        extra.signal,
      );
      return await screened({ kind: 'prompt', server: route.server, name: route.tool }, result);
    });
    front.setRequestHandler(ListResourcesRequestSchema, async () => {
      await options.ready();
      // The backends' items first, the gateway's own after: lists keep the order they had.
      return { resources: [...(await refreshResources()), ...(options.own?.list(front) ?? [])] };
    });
    front.setRequestHandler(ListResourceTemplatesRequestSchema, async () => {
      await options.ready();
      return {
        resourceTemplates: [...(await refreshTemplates()), ...(options.own?.templates() ?? [])],
      };
    });
    front.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
      const own = options.own?.read(front, request.params.uri);
      if (own !== undefined) return await own;
      const target = await resolveUri(request.params.uri);
      const result = await forward(
        target.backend,
        'resources/read',
        { ...request.params, uri: target.uri },
        extra.signal,
      );
      return await screened(
        {
          kind: 'resource',
          server: target.backend.name,
          uri: target.uri,
          exposed: request.params.uri,
        },
        result,
      );
    });
    front.setRequestHandler(SubscribeRequestSchema, async (request, extra) => {
      const target = await resolveUri(request.params.uri);
      return await forward(
        target.backend,
        'resources/subscribe',
        { ...request.params, uri: target.uri },
        extra.signal,
      );
    });
    front.setRequestHandler(UnsubscribeRequestSchema, async (request, extra) => {
      const target = await resolveUri(request.params.uri);
      return await forward(
        target.backend,
        'resources/unsubscribe',
        { ...request.params, uri: target.uri },
        extra.signal,
      );
    });
    front.setRequestHandler(CompleteRequestSchema, async (request, extra) => {
      const { ref } = request.params;
      if (ref.type === 'ref/prompt') {
        let route = prompts.routeFor(ref.name);
        if (route === undefined) {
          await refreshPrompts();
          route = prompts.routeFor(ref.name);
        }
        if (route === undefined)
          throw new McpError(ErrorCode.InvalidParams, `Unknown prompt "${ref.name}"`);
        return await forward(
          backendNamed(route.server),
          'completion/complete',
          { ...request.params, ref: { ...ref, name: route.tool } },
          extra.signal,
        );
      }
      if (templates.length === 0) await refreshTemplates();
      const owner = templates.find((t) => t.template.uriTemplate === ref.uri);
      const target =
        owner !== undefined
          ? { backend: backendNamed(owner.server), uri: ref.uri }
          : await resolveUri(ref.uri);
      return await forward(
        target.backend,
        'completion/complete',
        { ...request.params, ref: { ...ref, uri: target.uri } },
        extra.signal,
      );
    });
    front.setRequestHandler(SetLevelRequestSchema, async (request, extra) => {
      await Promise.all(
        backendsWith('logging').map((backend) =>
          backend
            .request('logging/setLevel', { level: request.params.level }, { signal: extra.signal })
            .catch((error: unknown) => {
              logger.warn(`[${backend.name}] logging/setLevel failed: ${(error as Error).message}`);
            }),
        ),
      );
      return {};
    });
    front.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
      await Promise.all(
        options
          .backends()
          .map((b) => b.notify('notifications/roots/list_changed').catch(() => undefined)),
      );
    });
  };

  const relay: ProtocolRelay = {
    onNotification(backend, notification) {
      const params = notification.params ?? {};
      const send = (method: string, p?: Record<string, unknown>) => {
        for (const front of options.agents()) {
          front
            .notification({ method, ...(p === undefined ? {} : { params: p }) })
            .catch((error: unknown) => {
              logger.debug(`could not relay ${method}: ${String(error)}`);
            });
        }
      };
      switch (notification.method) {
        case 'notifications/message': {
          // Which backend logged is part of the message, so the agent can tell them apart.
          const origin =
            typeof params['logger'] === 'string'
              ? `${backend.name}/${params['logger']}`
              : backend.name;
          send(notification.method, { ...params, logger: origin });
          return;
        }
        case 'notifications/resources/updated': {
          const uri = typeof params['uri'] === 'string' ? params['uri'] : '';
          const exposed =
            [...resourceIndex.entries()].find(
              ([, v]) => v.server === backend.name && v.uri === uri,
            )?.[0] ?? uri;
          send(notification.method, { ...params, uri: exposed });
          return;
        }
        case 'notifications/prompts/list_changed':
        case 'notifications/resources/list_changed':
          send(notification.method);
          return;
        default:
          logger.debug(`[${backend.name}] ignored notification ${notification.method}`);
      }
    },
    async onRequest(backend, request, signal) {
      const front = options.agent(backend.name);
      if (front === undefined)
        throw new McpError(
          ErrorCode.MethodNotFound,
          `No agent is connected to answer ${request.method}`,
        );
      logger.debug(`[${backend.name}] relaying ${request.method} to the agent`);
      return await front.request(
        {
          method: request.method,
          ...(request.params === undefined ? {} : { params: request.params }),
        },
        passThrough,
        { signal, timeout: 10 * 60_000 },
      );
    },
  };

  return { install, relay };
};

const toProtocolError = (error: unknown): Error => {
  if (!isGatewayError(error)) return error instanceof Error ? error : new Error(String(error));
  if (error.code === 'BACKEND_ERROR') {
    const code = error.details?.['rpcCode'];
    return new RelayedRpcError(
      typeof code === 'number' ? code : ErrorCode.InternalError,
      error.message,
      error.details?.['rpcData'],
    );
  }
  return new McpError(ErrorCode.InternalError, error.message);
};
