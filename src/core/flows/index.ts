export {
  compileFlows,
  NO_FLOWS,
  type CompiledFlowRule,
  type CompiledFlows,
} from './compile-flows.js';
export { DEFAULT_FLOW_RULES } from './default-flows.js';
export { evaluateFlows, type FlowCall, type FlowVerdict } from './evaluate-flows.js';
export type { DecisionFlow, DecisionSource } from './flow-decision.js';
export {
  bitsOf,
  EGRESS,
  FLOW_LABELS,
  isFlowLabel,
  labelsOf,
  SENSITIVE,
  UNTRUSTED,
  type FlowLabel,
  type LabelBits,
  type SessionLabel,
} from './flow-label.js';
export {
  FlowSession,
  SECRET_MEMORY,
  SOURCE_MEMORY,
  type CarriedData,
  type FlowSource,
  type LabelChange,
} from './flow-session.js';
export type { FlowRuleSettings, FlowSettings } from './flow-settings.js';
export { GUARANTEED, MAX_BYTES, MAX_SLOTS, WINDOW, WINNOW } from './fingerprint-store.js';
export { KNOWN_SERVERS, type KnownServer } from './known-servers.js';
export { recognizeServer, type ServerIdentity } from './recognize-server.js';
export {
  createLabelResolver,
  type LabelAnnotations,
  type LabelResolver,
  type LabelSettings,
  type ToolLabels,
} from './resolve-labels.js';
export { withFlows } from './with-flows.js';
export { explainFlows, type FlowExplanation } from './explain-flows.js';
export { replayHistory, type HistoryEntry, type ReplayedEntry } from './replay-history.js';
export { takeInResult, textsOf, type CausedChange } from './take-in-result.js';
