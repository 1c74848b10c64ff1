/**
 * Words that open a count of calls, uses or messages ("after 3 calls", "used several times"): keywords of
 * the sleeper and conditional-trigger rules in description-rules.ts and signals.ts, kept in one list.
 */
export const countWords: readonly string[] = [
  ...'123456789'.split(''),
  'two',
  'three',
  'four',
  'five',
  'ten',
  'several',
  'a few',
];

/** `countWords` and the rarer counts a sleeper names ("after fifty calls", "every twenty uses"). */
export const allCountWords: readonly string[] = [
  ...countWords,
  'six',
  'seven',
  'eight',
  'nine',
  'twenty',
  'fifty',
  'hundred',
  'a number',
];
