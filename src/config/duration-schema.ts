import { z } from 'zod';

/** A duration in the config: milliseconds as a number, or "500ms", "15s", "2m", "1h". */
export const durationSchema = z
  .union([
    z.number().int().positive(),
    z.string().regex(/^\d+(\.\d+)?\s*(ms|s|m|h)$/, 'a duration such as "500ms", "15s" or "2m"'),
  ])
  .describe('Milliseconds as a number, or a string such as "500ms", "15s", "2m".');
