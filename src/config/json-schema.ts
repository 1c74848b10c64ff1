import { z } from 'zod';
import { userConfigSchema } from './schema.js';

/** The JSON Schema editors use for mcp-gateway.config.json, generated from the loader's own schema. */
export const configJsonSchema = (): Record<string, unknown> => ({
  ...z.toJSONSchema(userConfigSchema, { io: 'input', unrepresentable: 'any' }),
  title: 'mcp-gateway config',
});
