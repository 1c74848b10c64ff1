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
