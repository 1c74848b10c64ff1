/** A tool as a backend lists it; only the fields that shape what the model reads are pinned. */
export interface PinnableTool {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  inputSchema?: unknown;
  outputSchema?: unknown;
  annotations?: unknown;
}

/** The name under which a server's instructions appear in pin listings, diffs and filters (`@` is outside the SEP-986 tool-name alphabet, so no real tool takes it). */
export const INSTRUCTIONS_KEY = '@instructions';

/**
 * Which fields a pin covers. Form 2 added `outputSchema`; pins without a `form` mark were taken
 * in form 1 and are compared in that form once, then re-pinned in the current one.
 */
export const PINNED_FORM = 2;

/** The canonical pinned form of a tool: name, title, description, inputSchema, outputSchema and annotations, undefined fields dropped. */
export const pinnedForm = (tool: PinnableTool): Record<string, unknown> => {
  // Built field by field so `_meta` or any future field never changes the hash.
  const form = legacyPinnedForm(tool);
  if (tool.outputSchema !== undefined) form['outputSchema'] = tool.outputSchema;
  return form;
};

/** The form 1 pinned form (without outputSchema), which pins written before form 2 hash. */
export const legacyPinnedForm = (tool: PinnableTool): Record<string, unknown> => {
  const form: Record<string, unknown> = { name: tool.name };
  if (tool.title !== undefined) form['title'] = tool.title;
  if (tool.description !== undefined) form['description'] = tool.description;
  if (tool.inputSchema !== undefined) form['inputSchema'] = tool.inputSchema;
  if (tool.annotations !== undefined) form['annotations'] = tool.annotations;
  return form;
};

/** The canonical pinned form of a server's instructions. */
export const pinnedInstructionsForm = (text: string): Record<string, unknown> => ({
  instructions: text,
});
