import type { Implementation } from '@modelcontextprotocol/sdk/types.js';
import { PACKAGE } from '../package-info.js';

/** The gateway's name and version, as sent in initialize both ways. */
export const GATEWAY_INFO: Implementation = { name: 'mcp-gateway', version: PACKAGE.version };
