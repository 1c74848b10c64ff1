import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { corkedPerTick } from '../frontend/stdio-output.js';
import type { Gateway } from './gateway.js';

/** Runs the gateway for an agent on stdin/stdout until stdin ends or a signal arrives. */
export const serveStdio = async (gateway: Gateway): Promise<void> => {
  const transport = new StdioServerTransport(process.stdin, corkedPerTick(process.stdout));
  await gateway.openSession().connect(transport);
};
