import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Logger } from '../core/logger.js';
import { composeApprovalPrompt, defaultPromptLength } from '../core/policy/index.js';
import type { ApprovalAnswer, ApprovalRequest, AskHuman } from '../pipeline/enforce-policy.js';

/**
 * Asks the human through MCP elicitation (DESIGN §7): one required boolean `approve` and an
 * optional scope; accept with approve → allow; decline, cancel, an error or a timeout → deny.
 */
export const createElicitationApprover = (options: {
  /** The agent session that made the call, if it is still connected. */
  readonly agentFor: (callId: string) => Server | undefined;
  readonly timeoutMs: (server: string) => number;
  readonly logger: Logger;
}): AskHuman =>
  async function askHuman(request: ApprovalRequest): Promise<ApprovalAnswer> {
    const agent = options.agentFor(request.callId);
    if (agent?.getClientCapabilities()?.elicitation === undefined) {
      return { approved: false, why: 'unavailable' };
    }
    // The human sees what the policy looked at in full, or is not asked at all.
    const prompt = composeApprovalPrompt(request, defaultPromptLength);
    if (!prompt.ok) return { approved: false, why: 'unshowable', detail: prompt.reason };
    try {
      const answer = await agent.elicitInput(
        {
          message: prompt.text,
          requestedSchema: {
            type: 'object',
            properties: {
              approve: {
                type: 'boolean',
                title: 'Approve this call',
                description: `Let ${request.server}/${request.tool} run with these arguments`,
              },
              scope: {
                type: 'string',
                title: 'For',
                enum: ['once', 'session'],
                enumNames: ['This call only', 'Every call to this tool in this session'],
                default: 'once',
              },
            },
            required: ['approve'],
          },
        },
        {
          timeout: options.timeoutMs(request.server),
          ...(request.signal === undefined ? {} : { signal: request.signal }),
        },
      );
      if (answer.action !== 'accept') {
        return { approved: false, why: answer.action === 'decline' ? 'declined' : 'cancelled' };
      }
      if (answer.content?.['approve'] !== true) return { approved: false, why: 'declined' };
      return { approved: true, scope: answer.content['scope'] === 'session' ? 'session' : 'once' };
    } catch (error) {
      options.logger.debug(`approval request failed: ${String(error)}`);
      return { approved: false, why: request.signal?.aborted === true ? 'cancelled' : 'timeout' };
    }
  };
