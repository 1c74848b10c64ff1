import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What makes a backend's tools/call result unfit to pass on, or undefined when it is fit: the
 * checks are the shape the gateway's steps and the agent's SDK rely on (an object; `content`
 * an array; `structuredContent` and `_meta` objects; `isError` a boolean) and the depth the
 * scanner reads. Cheap: a few property reads, and a walk that stops at the first level too
 * deep. Content blocks themselves are relayed as written.
 */
export const toolResultProblem = (result: unknown): string | undefined => {
  if (!isPlainObject(result)) return 'a result that is not an object';
  const { content, structuredContent, isError, _meta } = result as Record<string, unknown>;
  if (content !== undefined && !Array.isArray(content)) return '"content" that is not an array';
  if (structuredContent !== undefined && !isPlainObject(structuredContent))
    return '"structuredContent" that is not an object';
  if (isError !== undefined && typeof isError !== 'boolean')
    return '"isError" that is not a boolean';
  if (_meta !== undefined && !isPlainObject(_meta)) return '"_meta" that is not an object';
  if (exceedsJsonDepth(result, MAX_JSON_DEPTH))
    return `a result nested deeper than ${String(MAX_JSON_DEPTH)} levels, more than the gateway inspects`;
  return undefined;
};
