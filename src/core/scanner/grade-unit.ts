import { gradeFindings, type CombinerModel } from './combiner.js';
import type { Surface } from './detector.js';
import type { Finding } from './finding.js';
import { keepDecisiveCues } from './severity.js';
import { weighTagBodies } from './tag-body.js';

/**
 * The verdict on one scanned unit (a text, a JSON value, a whole tool): the combiner grades its findings
 * together, and on a tool definition every decisive cue stays `high` (see `keepDecisiveCues`). The scanner
 * and the eval grade through here, so the eval measures what ships.
 */
export function gradeUnit<F extends Finding>(
  found: readonly F[],
  surface: Surface,
  model: CombinerModel,
): F[] {
  // In a tool definition, an authority tag with nothing asked inside it weighs nothing (tag-body.ts): a
  // description finding needs stronger evidence than a result's, since `descriptions: block` hides the tool.
  const weighed = surface === 'description' ? weighTagBodies(found) : found;
  const graded = gradeFindings(weighed, surface, model);
  return surface === 'description' ? keepDecisiveCues(weighed, graded) : graded;
}

// A server's instructions are addressed to the model and tell it which of the server's tools to use, in which
// order: cues that are suspect in a tool description or a result are what instructions are for. They are
// reported (low) but do not weigh in the verdict; every other cue is graded as in a tool definition.
const natureOfInstructions = new Set([
  'role.agent-address',
  'address.agent',
  'address.obligation',
  'intent.tool-invocation',
  'poison.call-order',
  'place.other-tools',
]);

/** The verdict on a server's `instructions`: graded as a tool definition, less the cues every instruction text has. */
export function gradeInstructions<F extends Finding>(
  found: readonly F[],
  model: CombinerModel | null,
): F[] {
  const rest = found.filter((f) => !natureOfInstructions.has(f.rule));
  const graded = model ? gradeUnit(rest, 'description', model) : rest;
  if (rest.length === found.length) return graded;
  const nature = found
    .filter((f) => natureOfInstructions.has(f.rule))
    .map((f) => (f.severity === 'low' ? f : { ...f, severity: 'low' as const }));
  return [...graded, ...nature];
}
