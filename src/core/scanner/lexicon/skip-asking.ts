import type { Lang } from './stems.js';

// A check waived, in the languages of the ask lexicons (round 11): "without asking", "without confirmation". Said to
// the AI reader (addressed) it keeps an act from the user and raises `intent.concealment`; unaddressed it is how
// install guides describe a non-interactive run ("sin preguntar, ejecuta … -y"), so it never pairs with another ask
// to stand for the address (see addressed-asks.ts).

export const skipAsking: Readonly<Partial<Record<Lang, readonly string[]>>> = {
  es: ['sin preguntar', 'sin pedir confirmación', 'sin confirmación'],
  fr: ['sans demander', 'sans confirmation'],
  de: ['ohne nachzufragen', 'ohne zu fragen', 'ohne rückfrage', 'ohne bestätigung'],
  it: ['senza chiedere', 'senza conferma'],
  pt: ['sem perguntar', 'sem pedir confirmação', 'sem confirmação'],
  ru: ['не спрашивая', 'без подтверждения'],
  zh: ['无需确认', '无需询问', '不必确认'],
  ja: ['確認せずに', '確認なしで'],
};
