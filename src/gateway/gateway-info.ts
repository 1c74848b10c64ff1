import { createRequire } from 'node:module';
import type { Implementation } from '@modelcontextprotocol/sdk/types.js';

const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The gateway's name and version, as sent in initialize both ways. */
export const GATEWAY_INFO: Implementation = { name: 'mcp-gateway', version: packageJson.version };
