/**
 * Digits and symbols that leetspeak writes for a letter ("1gn0r3" for "ignore"), each with the letter it stands for.
 * The normalised view reads them inside words (deobfuscate.ts); the multi-symbol decoder reads them inside a token
 * that holds a letter or a group (decode-leet.ts), and "(" for "c" there too.
 */
export const leetLetters: readonly (readonly [symbol: string, letter: string])[] = [
  ['0', 'o'],
  ['1', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['7', 't'],
  ['8', 'b'],
  ['9', 'g'],
  ['@', 'a'],
  ['$', 's'],
  ['!', 'i'],
  ['|', 'l'],
  ['+', 't'],
];
