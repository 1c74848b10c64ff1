/**
 * The deepest nesting of arrays and objects the gateway passes on, counting the value itself as
 * level 1. The scanner and the policy's argument selectors read exactly this deep, so nothing
 * they could not read gets through; and a value this shallow cannot overflow the stack of any
 * recursive walk (redaction, canonical JSON, `JSON.stringify`), which deep hostile JSON would.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `value` nests arrays or objects more than `limit` levels deep. Iterative, and it
 * stops at the first level too deep, so a hostile value costs no more than its first branch.
 */
export const exceedsJsonDepth = (value: unknown, limit: number = MAX_JSON_DEPTH): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const stack: { readonly value: object; readonly depth: number }[] = [{ value, depth: 1 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (top.depth > limit) return true;
    const children: unknown[] = Array.isArray(top.value) ? top.value : Object.values(top.value);
    for (const child of children)
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: top.depth + 1 });
  }
  return false;
};
