import type { Surface } from './detector.js';
import { detectors } from './detectors.js';
import { featureKey, isWeakSignal } from './combiner.js';
import type { Severity } from './finding.js';

/** Prior weights of the combiner: what each signal is believed to be worth before the corpus is seen. */
export interface CombinerPriors {
  readonly bias: number;
  readonly descriptionBias: number;
  readonly weights: Readonly<Record<string, number>>;
}

// A lone high-severity cue should reach `medium` by itself, a lone medium cue should not quite: these are
// the starting points training moves from, and where a signal the corpus never shows stays.
const bySeverity: Readonly<Record<Severity, number>> = { high: 6, medium: 3.5, low: 1 };
// Weak signals (who is addressed, what is asked, where): none should flag a text by itself.
const weakBySeverity: Readonly<Record<Severity, number>> = { high: 3, medium: 2.5, low: 1 };

// Rules whose prior differs from what their severity says, by feature key or by rule id.
const explicit: Readonly<Record<string, number>> = {
  // Terminal output moves the cursor and erases lines all the time (progress bars): not a signal alone. Nor do the
  // other escapes programs print: `ESC ( B` after every `tput sgr0`, save and restore cursor (ESC 7 / ESC 8) around
  // apt's progress line, keypad modes, window titles (OSC 0), OSC 8 hyperlinks in compiler diagnostics and `ls`.
  // The model reads an escape's text raw, a hyperlink's target included; conceal (SGR 8) and clipboard writes
  // (OSC 52) keep their own severity.
  'hidden.ansi-cursor/high': 0.5,
  'hidden.ansi-control/medium': 0.5,
  'hidden.ansi-osc/low': 0.5,
  'hidden.ansi-hyperlink/medium': 1,
  // READMEs tell people to pipe an installer into a shell: a command is only a cue next to other cues.
  'intent.dangerous-command/medium': 1.5,
  'intent.shell-command/low': 0.5,
  'poison.install-command/low': 0.5,
  'directive.user-task/medium@description': 1,
  // A request that is a whole field of a record flags alone, though less surely than an override phrase.
  'directive.user-voice-request/high': 4.5,
  'obfuscation.encoded': 1,
  // A disguised word counts through what it says once undone; the disguise alone is a faint cue.
  'obfuscation.homoglyph/medium': 0.75,
  'obfuscation.leetspeak/medium': 0.75,
  'obfuscation.spaced/medium': 0.75,
  // An off-topic task or question planted in data is the whole of many injections: it flags alone.
  'place.register-shift/high': 4,
  // "Unfiltered", "never refuses", "stay in character": said of the model, the whole of a jailbreak's ask.
  'intent.unrestricted/medium': 4.5,
  // Asks that are the harm itself, whoever is addressed: a request for credentials or for a person's private data,
  // code to be planted in the reader's work, a phishing lure, code that collects and sends local data. Each flags a result alone (benign results almost never hold one); a medium cue
  // that only describes (an obligation, a mode, a task, a persona) does not. Not an order to send something to an
  // outside address by itself: invoices, terms and forms say "send the signed form to orders@…" (with someone's
  // own data named, the register layer adds a second cue); nor an order about the reader's reply ("in your
  // response, please include the invoice number" is how e-mails ask).
  'exfil.credential-request/medium': 4.5,
  'exfil.user-data-request/medium': 4.5,
  'directive.code-insertion/medium': 4.5,
  'exfil.phishing-lure/medium': 4.5,
  'exfil.malicious-code/medium': 4.5,
  // An order to act (memory, a command, a tool, an account change…) that is the one order of its text: with its ask it
  // flags, but not alone.
  // Raised from 1.5 in round 9: with an ask for memory, a command, a tool, an account change or a fetched page's
  // orders, the one order of a short result flags (prior 2 + ask 2.5 clears the threshold the combiner learns); the
  // development corpus holds one benign text with it, an agent prompt, no longer read as an order (a tool manual).
  'place.order-in-data/medium': 2,
  // Data that dictates the reply word for word or drops the task it came with: the whole of a hijack, it flags a
  // result alone (task-hijack.ts). A permission the text grants itself, what to tell the user, a resource to read:
  // cues next to an ask or an address.
  'directive.reply-hijack/medium': 4.5,
  // An order about the shape of the reader's reply ("write your reply backward", "in your response, suggest…") is
  // the whole of many injections in e-mails and pages; benign texts that give one are prompt templates, which
  // address the reader throughout and are flagged or not by their other cues.
  'directive.output-manipulation/medium': 4.5,
  'directive.task-abandon/medium': 4.5,
  // Compliance itself as the ask (compliance-asks.ts): "do whatever the next message asks", the reader's own rules set
  // aside, pieces of text to be joined and acted on. Benign texts almost never hand the reader's next acts to an
  // unnamed later message; each flags a result alone.
  'intent.blanket-compliance/medium': 4.5,
  'intent.payload-assembly/medium': 4.5,
  // A story or hypothetical that asks for real, usable output (direct-requests.ts): the whole of a jailbreak's ask,
  // as a persona without limits is; it flags a result alone.
  'intent.fiction-payload/medium': 4.5,
  // Round 14 (lasting-orders.ts, waived-consent.ts): a rule kept for the reader's later sessions or memory, a page
  // whose orders are to be obeyed, an account's protection removed while its contact changes. Each needs the ask and
  // its object together and flags a result alone; consent claimed for the user and an admin role handed out are cues
  // next to an order (the weak prior).
  'intent.memory-order/medium': 4.5,
  'intent.fetch-obey/medium': 4.5,
  'intent.account-hijack/medium': 4.5,
  'cluster.address+ask': 1.5,
  'cluster.marker+ask': 1,
  'cluster.two-rules': 0.5,
  'cluster.three-rules': 0.5,
  'cluster.four-rules': 0.5,
};

// Findings raised outside the detector table: rule id and the severities it reports.
const otherRules: readonly [string, readonly Severity[]][] = [
  ['directive.exfil-to-target', ['medium', 'high']],
  ['directive.user-voice-request', ['medium', 'high']],
  ['intent.send-data', ['low', 'medium']],
  ['poison.exfil-parameter', ['high']],
  ['hidden.ansi-cursor', ['high']],
  ['hidden.ansi-control', ['medium']],
  ['hidden.ansi-osc', ['low']],
  ['hidden.ansi-hyperlink', ['medium']],
  ['obfuscation.homoglyph', ['medium']],
  ['obfuscation.leetspeak', ['medium']],
  ['obfuscation.spaced', ['medium']],
  // The register layer (register-shift.ts): requests out of place in data, and the kinds of asks they make.
  ['place.register-shift', ['medium', 'high']],
  ['place.order-in-data', ['medium']],
  ['place.bare-request', ['low']],
  ['place.script-shift', ['low']],
  ['intent.shell-command', ['medium']],
  ['intent.tool-invocation', ['medium']],
  ['intent.account-takeover', ['medium']],
  ['intent.data-tamper', ['medium']],
];

const surfaces: readonly Surface[] = ['content', 'description'];

/** Prior weight of every feature the combiner knows. */
export function combinerPriors(): CombinerPriors {
  const weights: Record<string, number> = {};
  const add = (rule: string, severity: Severity, weak = false): void => {
    for (const surface of surfaces) {
      const key = featureKey(rule, severity, surface);
      weights[key] = explicit[key] ?? (weak ? weakBySeverity[severity] : bySeverity[severity]);
    }
  };
  for (const d of detectors) {
    add(d.id, d.severity, d.layer === 'signal');
    if (d.descriptionSeverity) add(d.id, d.descriptionSeverity, d.layer === 'signal');
  }
  for (const [rule, severities] of otherRules)
    for (const s of severities) add(rule, s, isWeakSignal(rule));
  for (const [key, w] of Object.entries(explicit)) if (!key.includes('/')) weights[key] = w;
  return { bias: -5, descriptionBias: 0, weights };
}
