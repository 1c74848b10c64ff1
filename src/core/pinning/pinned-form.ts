/** A tool as a backend lists it; only the fields that shape what the model reads are pinned. */
export interface PinnableTool {
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  inputSchema?: unknown;
  annotations?: unknown;
}

/** The name under which a server's instructions appear in pin listings, diffs and filters (`@` is outside the SEP-986 tool-name alphabet, so no real tool takes it). */
export const INSTRUCTIONS_KEY = '@instructions';

/** The canonical pinned form of a tool: name, title, description, inputSchema and annotations, undefined fields dropped. */
export const pinnedForm = (tool: PinnableTool): Record<string, unknown> => {
  // Built field by field so `_meta`, `outputSchema` or any future field never changes the hash.
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
