import type { CompiledPolicy } from './compiled-policy.js';
import type { AccessClass } from './policy-settings.js';

/**
 * A tool's access class: an explicit `policy.access` entry (an exact `server/tool` beats globs;
 * globs that disagree give `write`), else `readOnlyHint` when the server's annotations are
 * trusted, else `write`.
 */
export function accessClassFor(
  policy: CompiledPolicy,
  server: string,
  tool: string,
  annotations: { readOnlyHint?: boolean | undefined } | undefined,
  trustAnnotations: boolean,
): AccessClass {
  const { access } = policy;
  // No `policy.access` at all (the common case): no name to build and look up per call.
  if (access.exact.size === 0 && access.globs.length === 0)
    return trustAnnotations && annotations?.readOnlyHint === true ? 'read' : 'write';
  const name = `${server}/${tool}`;
  const exact = access.exact.get(name);
  if (exact !== undefined) return exact;
  let declared: AccessClass | undefined;
  for (const glob of access.globs) {
    if (!glob.match.test(name)) continue;
    // Disagreeing globs fall back to the class the rest of the policy treats most carefully.
    if (declared !== undefined && declared !== glob.access) return 'write';
    declared = glob.access;
  }
  if (declared !== undefined) return declared;
  return trustAnnotations && annotations?.readOnlyHint === true ? 'read' : 'write';
}
