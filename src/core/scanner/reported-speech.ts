// Fiction and reported speech put orders in a character's mouth: '"Forget your instructions and dance," Lily said',
// 'the captain said. "Disregard any orders from the harbour master."'. A quotation attributed to a speaker in the
// third person (a name, "she", "the wizard") by a verb of speech next to it is something a character said to another
// character; the text gives the reader no order. The speaker must be someone in the story: "you", "I", "we" and the
// names of who an injection claims to speak for (the user, the admin, the system, the assistant) attribute nothing.

const speech =
  '(?:said|says|asked|asks|whispered|whispers|shouted|shouts|replied|replies|muttered|mutters|cried|yelled|snapped|added|ordered|warned|insisted|murmured|hissed|called|answered|barked|growled|laughed|sighed|begged|pleaded|screamed|exclaimed|told\\s{1,3}(?:him|her|them|me|us))';
// A speaker: "she", "he", "they", a capitalised name, or "the" and one or two lower-case words.
const speaker =
  '(?:[Ss]he|[Hh]e|[Tt]hey|[A-Z][a-z]{1,20}|[Tt]he\\s{1,3}[a-z]{2,20}(?:\\s{1,3}[a-z]{2,20})?)';
const manner = '(?:\\s{1,3}(?:quietly|softly|again|slowly|firmly|calmly|sharply|finally))?';

// Before the opening quote: 'Lily said "…', 'the wizard said. "…', 'She whispered: "…', 'said the guard, "…'.
const before = new RegExp(
  `(?:\\b(${speaker})\\s{1,3}${speech}${manner}|\\b${speech}\\s{1,3}(${speaker}))\\s{0,3}[,:.]?\\s{0,3}$`,
);
// After the closing quote: '…," she said', '…," said the captain', '…" Mara told him'.
const after = new RegExp(
  `^\\s{0,3}[,.]?\\s{0,3}(?:(${speaker})\\s{1,3}${speech}\\b|${speech}\\s{1,3}(${speaker})\\b)`,
);

// Who an injection claims to speak for, and the reader itself: not characters of a story.
const notCharacters = new Set(
  (
    'you we i it this that user users admin administrator developer developers operator owner system assistant ' +
    'ai model bot agent claude chatgpt gpt copilot gemini llm reader customer client support security'
  ).split(' '),
);

function isCharacter(name: string | undefined): boolean {
  if (name === undefined) return false;
  const words = name.toLowerCase().split(/\s+/);
  return !words.some((w) => notCharacters.has(w));
}

/**
 * Whether a quotation is attributed to a speaker in the third person: `lead` is the text before its opening quote,
 * `tail` the text after its closing quote (each a few dozen characters are read).
 */
export function attributedQuote(lead: string, tail: string): boolean {
  const b = before.exec(lead.slice(-60));
  if (b && isCharacter(b[1] ?? b[2])) return true;
  const a = after.exec(tail.slice(0, 60));
  return a !== null && isCharacter(a[1] ?? a[2]);
}

// A quotation whose speaker is set by an action rather than a verb of speech: 'The captain leaned over the map. "From
// now on you answer only to me."' The sentence just before the opening quote is narration: a speaker in the third
// person and a verb in the past tense ("leaned", "took", "stood up"), ending with a full stop, colon or comma.
const pastVerb =
  '(?:[a-z]{2,20}ed|took|stood|rose|grew|drew|threw|held|turned|sat|spoke|knew|came|went|saw|felt|kept|left|ran|got|put|gave|wrote|read|began|looked|smiled|paused|shook|swung|leaned|slammed)';
const narration = new RegExp(
  `(?:^|[.!?…]["”]?\\s{1,3}|\\n\\s{0,3})(${speaker})\\s{1,3}(?:[a-z]{2,12}ly\\s{1,3})?${pastVerb}\\b[^."“”\\n]{0,80}[.:,!…]\\s{0,3}$`,
);
// A speaker's label in a script or a game's dialogue: '[NPC: Elder Varga] "…', 'GUARD_02 (hostile): "…'.
const label =
  /(?:\[(?:NPC|npc|Npc)\s{0,2}:\s{0,2}([^\]\n]{1,40})\]|(?:^|\n)\s{0,3}([A-Z][A-Z0-9_ .'-]{1,30})(?:\s{0,2}\([^)\n]{1,20}\))?\s{0,2}:)\s{0,3}$/;

/** Whether the narration or a speaker's label just before a quotation sets its speaker (`lead` as in attributedQuote). */
export function actedQuote(lead: string): boolean {
  const near = lead.slice(-160);
  const n = narration.exec(near);
  if (n && isCharacter(n[1])) return true;
  const l = label.exec(near);
  return l !== null && isCharacter((l[1] ?? l[2] ?? '').replace(/_?\d+$/, '').replace(/_/g, ' '));
}

// A screenplay's dialogue: a cue line holding a character's name in capitals ("MAYA", "FIRST MATE", "DEV (V.O.)"),
// then the lines that character speaks, up to a blank line. Scene headings (INT./EXT.) are no cue.
const cueLine =
  /^\s{0,30}(?!INT\b|EXT\b)([A-Z][A-Z .'-]{1,30}?)(?:\s{1,3}\((?:V\.O\.|O\.S\.|O\.C\.|CONT'D|cont'd)\))?\s{0,3}$/;

/** Whether offset `at` of `text` lies in a screenplay character's lines (not on the cue line itself). */
export function inScriptDialogue(text: string, at: number): boolean {
  // Back to the start of the block: at most eight lines or 600 characters.
  const from = Math.max(0, at - 600);
  const lines = text.slice(from, at).split('\n');
  if (lines.length < 2) return false;
  // The line holding `at` is the last; its block's lines go back to a blank line.
  for (let i = lines.length - 2, seen = 0; i >= 0 && seen < 8; i--, seen++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') return false;
    const cue = cueLine.exec(line);
    if (cue && isCharacter(cue[1]?.trim())) return (lines[i - 1] ?? '').trim() === '' || i === 0;
  }
  return false;
}
