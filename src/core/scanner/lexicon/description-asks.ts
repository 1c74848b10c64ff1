import type { PatternDetector } from '../detector.js';
import type { Lang } from './stems.js';

// Two description-side cues of the English rules (description-rules.ts, detectors.ts) in the other languages of the
// lexicons: a call ordered ahead of every other tool, and a private key file read. A tool description speaks to the
// model by design, so no address is needed; these run on tool definitions only (`descriptionOnly`), at the English
// rules' ids and severities, so the combiner weighs a French call-first as it weighs an English one.

/** "Before (using) any other tool", per language. */
const beforeAnyOtherTool: Readonly<Partial<Record<Lang, readonly string[]>>> = {
  fr: [
    'avant tout autre outil',
    "avant d'utiliser tout autre outil",
    "avant d'utiliser un autre outil",
    'avant tous les autres outils',
    "avant d'utiliser les autres outils",
  ],
  es: [
    'antes de usar cualquier otra herramienta',
    'antes de cualquier otra herramienta',
    'antes de utilizar cualquier otra herramienta',
    'antes que cualquier otra herramienta',
    'antes de todas las demás herramientas',
    'antes de usar las demás herramientas',
  ],
  de: [
    'vor jedem anderen tool',
    'vor allen anderen tools',
    'vor jedem anderen werkzeug',
    'vor allen anderen werkzeugen',
  ],
  it: [
    'prima di qualsiasi altro strumento',
    'prima di usare qualsiasi altro strumento',
    'prima di utilizzare qualsiasi altro strumento',
    'prima di tutti gli altri strumenti',
  ],
  pt: [
    'antes de qualquer outra ferramenta',
    'antes de usar qualquer outra ferramenta',
    'antes de utilizar qualquer outra ferramenta',
    'antes de todas as outras ferramentas',
  ],
  ru: [
    'перед любым другим инструментом',
    'перед использованием любого другого инструмента',
    'прежде чем использовать любой другой инструмент',
  ],
  zh: ['在使用任何其他工具之前', '在调用任何其他工具之前', '在任何其他工具之前'],
  ja: ['他のツールを使う前に', '他のツールを使用する前に', '他のツールより先に'],
  ko: ['다른 도구를 사용하기 전에', '다른 도구보다 먼저'],
  tr: ['başka bir araç kullanmadan önce', 'diğer araçlardan önce'],
  id: ['sebelum menggunakan alat lain', 'sebelum alat lain'],
  vi: ['trước khi dùng bất kỳ công cụ nào khác', 'trước khi sử dụng bất kỳ công cụ nào khác'],
};

/** Imperative read verbs, per language (second person, the forms a description orders the model with). */
const readVerbs: Readonly<Partial<Record<Lang, readonly string[]>>> = {
  fr: ['lis', 'lisez', 'lire', 'ouvre', 'ouvrez', 'récupère', 'récupérez'],
  es: ['lee', 'lea', 'leer', 'abre', 'abra', 'obtén', 'obtenga'],
  de: ['lies', 'lesen', 'lese', 'öffne', 'öffnen', 'hole'],
  it: ['leggi', 'legga', 'leggere', 'apri', 'apra'],
  pt: ['leia', 'lê', 'ler', 'abra', 'abre'],
  ru: ['прочитай', 'прочитайте', 'прочитать', 'считай', 'считайте', 'открой', 'откройте'],
  zh: ['读取', '读', '打开'],
  ja: ['読み取', '読んで', '読み込', '開いて'],
  ko: ['읽어', '읽고', '열어'],
  tr: ['oku', 'okuyun', 'aç'],
  id: ['baca', 'bacalah', 'buka'],
  vi: ['đọc', 'mở'],
  hi: ['पढ़ो', 'पढ़ें', 'खोलो'],
  ar: ['اقرأ', 'افتح'],
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (lists: Readonly<Partial<Record<Lang, readonly string[]>>>): string =>
  Object.values(lists)
    .flat()
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

// The same key files as the English rule (ssh keys, shell history, wallets, GnuPG, MCP configuration).
const keyFiles = String.raw`\.ssh\b[\w.\/-]{0,40}|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|\.aws\/credentials\b|\bmcp\.json\b|\bclaude_desktop_config\.json\b|\/etc\/shadow\b|\.git-credentials\b|\bwallet\.dat\b|\.gnupg\b|\.(?:bash|zsh)_history\b`;
// Not inside another word: a letter of any script next to a verb makes it part of a longer word.
const edge = String.raw`(?<![\p{L}\p{M}])`;
const after = String.raw`(?![\p{L}\p{M}])`;

/** The description-side cues in the languages of the lexicons. */
export const descriptionAskDetectors = (): PatternDetector[] => [
  {
    id: 'poison.before-any-tool',
    layer: 'poisoning',
    severity: 'high',
    descriptionOnly: true,
    // Short cores of the phrases: the keyword pass looks for keywords of other scripts in the stretches around
    // their characters, as wide as the longest such keyword, so long phrases would widen every stretch.
    keywords: [
      'autre outil',
      'autres outils',
      'otra herramienta',
      'demás herramientas',
      'anderen tool',
      'anderen werkzeug',
      'allen anderen',
      'altro strumento',
      'altri strumenti',
      'outra ferramenta',
      'outras ferramentas',
      'другим инструментом',
      'другого инструмента',
      'другой инструмент',
      '其他工具',
      '他のツール',
      '다른 도구',
      'bir araç',
      'diğer araç',
      'alat lain',
      'nào khác',
    ],
    pattern: new RegExp(`${edge}(?:${alternatives(beforeAnyOtherTool)})`, 'giu'),
    maxLength: 60,
    message: 'orders a call ahead of every other tool (other languages)',
  },
  {
    id: 'poison.credential-read',
    layer: 'poisoning',
    severity: 'low',
    descriptionSeverity: 'high',
    descriptionOnly: true,
    keywords: [
      '.ssh',
      'id_rsa',
      'id_dsa',
      'id_ecdsa',
      'id_ed25519',
      '.aws/cred',
      'mcp.json',
      '.gnupg',
      'wallet.dat',
      '_history',
      '/etc/shadow',
      '.git-cred',
      'claude_desktop',
    ],
    pattern: new RegExp(
      `${edge}(?:${alternatives(readVerbs)})${after}[^\\n]{0,60}?(?:~|\\$HOME)?\\/?(?:${keyFiles})`,
      'giu',
    ),
    maxLength: 160,
    message: 'reads credential files (other languages)',
  },
];
