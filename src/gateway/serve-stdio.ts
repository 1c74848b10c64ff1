import { StdioFrontTransport } from '../frontend/stdio-front-transport.js';
import type { Gateway } from './gateway.js';

/** Runs the gateway for an agent on stdin/stdout until stdin ends or a signal arrives. */
export const serveStdio = async (gateway: Gateway): Promise<void> => {
  await gateway.openSession().connect(new StdioFrontTransport(process.stdin, process.stdout));
};
