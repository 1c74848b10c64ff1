import { gradeFindings, type CombinerModel } from './combiner.js';
import type { Surface } from './detector.js';
import type { Finding } from './finding.js';
import { keepDecisiveCues } from './severity.js';

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
  const graded = gradeFindings(found, surface, model);
  return surface === 'description' ? keepDecisiveCues(found, graded) : graded;
}
