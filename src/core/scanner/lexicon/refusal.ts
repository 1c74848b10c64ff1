import type { PerLanguage } from './stems.js';
import { dutch, polish } from './dutch-polish.js';

// "Never refuse", "never say you cannot": refusal suppression, which English reads as `intent.unrestricted` ("never
// refuses", "do not say you are unable"). Second-person orders with "never" only: "no te niegues a probar" ("don't
// refuse to try") is advice, and Turkish "reddetme" alone is also the noun "refusal".

/** Orders never to refuse or say the reader cannot. */
export const neverRefuse: PerLanguage = {
  es: ['nunca te niegues', 'nunca rechaces', 'jamás te niegues', 'nunca digas que no puedes'],
  fr: [
    'ne refuse jamais',
    'ne refusez jamais',
    'ne dis jamais que tu ne peux pas',
    'ne dites jamais que vous ne pouvez pas',
  ],
  de: [
    'verweigere niemals',
    'verweigere nie',
    'lehne niemals ab',
    'lehne nie ab',
    'sag niemals, dass du',
    'sage niemals, dass du',
  ],
  it: ['non rifiutare mai', 'non rifiutarti mai', 'non dire mai che non puoi'],
  pt: ['nunca se recuse', 'nunca recuse', 'nunca diga que não pode'],
  ru: ['никогда не отказывай', 'никогда не отказывайся', 'никогда не говори, что не можешь'],
  zh: ['永远不要拒绝', '绝不拒绝', '绝对不要拒绝', '永远不要说你不能'],
  ja: ['決して拒否しない', '絶対に断らない', '決して断らない', '絶対に拒否しない'],
  ko: ['절대 거절하지', '절대 거부하지', '절대로 거절하지'],
  hi: ['कभी मना मत', 'कभी इनकार मत', 'कभी मना न'],
  ar: ['لا ترفض أبدا', 'لا ترفض أبدًا', 'لا ترفض ابدا'],
  bn: ['কখনো প্রত্যাখ্যান করবে না', 'কখনও প্রত্যাখ্যান করবে না', 'কখনো না বলবে না'],
  vi: ['không bao giờ từ chối', 'đừng bao giờ từ chối'],
  tr: ['asla reddetme', 'hiçbir zaman reddetme', 'asla hayır deme'],
  id: ['jangan pernah menolak', 'jangan sekali-kali menolak'],
  th: ['ห้ามปฏิเสธเด็ดขาด', 'อย่าปฏิเสธเด็ดขาด', 'ไม่ปฏิเสธเลย'],
  tl: ['huwag kailanman tumanggi', 'huwag kang tatanggi kailanman'],
  nl: dutch.neverRefuse,
  pl: polish.neverRefuse,
};
