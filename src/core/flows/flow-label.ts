/**
 * What a tool means for data flow (DESIGN §12): its results carry outside content
 * (`untrusted`) or private data (`sensitive`), or its calls can send data away (`egress`).
 */
export type FlowLabel = 'untrusted' | 'sensitive' | 'egress';

/** The labels a session can take in from what it read (a session never "reads" egress). */
export type SessionLabel = Exclude<FlowLabel, 'egress'>;

/** Every label, in the order they are printed. */
export const FLOW_LABELS: readonly FlowLabel[] = ['untrusted', 'sensitive', 'egress'];

/** A set of labels as bits, so the per-call checks are integer operations. */
export type LabelBits = number;

export const UNTRUSTED: LabelBits = 1;
export const SENSITIVE: LabelBits = 2;
export const EGRESS: LabelBits = 4;

const BIT: Readonly<Record<FlowLabel, LabelBits>> = {
  untrusted: UNTRUSTED,
  sensitive: SENSITIVE,
  egress: EGRESS,
};

/** The bit of one label. */
export const labelBit = (label: FlowLabel): LabelBits => BIT[label];

/** The bits of a list of labels. */
export const bitsOf = (labels: readonly FlowLabel[]): LabelBits => {
  let bits = 0;
  for (const label of labels) bits |= BIT[label];
  return bits;
};

/** The labels of a bit set, in the printed order. */
export const labelsOf = (bits: LabelBits): FlowLabel[] =>
  FLOW_LABELS.filter((label) => (bits & BIT[label]) !== 0);

/** True when the string names a label. */
export const isFlowLabel = (value: string): value is FlowLabel =>
  value === 'untrusted' || value === 'sensitive' || value === 'egress';
