export { approvePins, type PinApproval } from './approve-pins.js';
export {
  comparePins,
  type InstructionsPinCheck,
  type PinComparison,
  type PinStatus,
  type SeenServer,
  type SeenTool,
  type ServerPinCheck,
  type ToolPinCheck,
} from './compare-pins.js';
export { diffDefinitions, type DiffLine } from './diff-definitions.js';
export { diffPins, type PinDiff } from './diff-pins.js';
export { formatDiffLine } from './format-diff-line.js';
export { listPins, type PinEntry } from './list-pins.js';
export { matchesPinFilter, parsePinFilter, type PinFilter } from './pin-filter.js';
export {
  INSTRUCTIONS_KEY,
  legacyPinnedForm,
  PINNED_FORM,
  pinnedForm,
  pinnedInstructionsForm,
  type PinnableTool,
} from './pinned-form.js';
export {
  createRecord,
  emptyPinsFile,
  parsePinsFile,
  PINS_FILE_VERSION,
  serializePinsFile,
  type ParsedPinsFile,
  type PinnedInstructions,
  type PinnedTool,
  type PinsFile,
  type ServerPins,
} from './pins-file.js';
