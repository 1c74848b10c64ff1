import type { AskHuman } from '../pipeline/enforce-policy.js';

/**
 * Remembers "every call to this tool in this session" approvals for the gateway's lifetime: a
 * config reload builds a new pipeline (and policy step), and the human is not asked again.
 */
export const rememberSessionApprovals = (askHuman: AskHuman): AskHuman => {
  const approved = new Set<string>();
  return async function askHumanOnce(request) {
    const key = `${request.server}/${request.tool}`;
    if (approved.has(key)) return { approved: true, scope: 'session', remembered: true };
    const answer = await askHuman(request);
    if (answer.approved && answer.scope === 'session') approved.add(key);
    return answer;
  };
};
