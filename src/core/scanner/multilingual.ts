import { caseInsensitive, rx, type PatternDetector } from './detector.js';
import type { Severity } from './finding.js';
import { secretFiles } from './lexicon/credentials.js';
import { lexiconDetectors } from './lexicon/signal-detectors.js';
import { dutch, polish } from './lexicon/dutch-polish.js';
import { lastingAsks, type LastingLexicon } from './lexicon/lasting-asks.js';
import { unlessReported } from './override-phrases.js';

// The general signals in the languages most common in the corpus after English. Each phrase list raises the
// same rule as its English counterpart, so the combiner weighs a Spanish "no le digas al usuario" as it
// weighs "do not tell the user". Phrases are literal (spaces may be 1-3 blanks); a list's phrases are its
// keywords, so every match contains one.

interface Lexicon {
  /** "you must". */
  readonly must: readonly string[];
  /** Verbs that hand something over: send, forward, reveal, give me. */
  readonly send: readonly string[];
  /** Passwords, credentials, keys. */
  readonly secret: readonly string[];
  /** "do not tell the user", "without the user knowing". */
  readonly conceal: readonly string[];
  /** "from now on", "remember that". */
  readonly later: readonly string[];
  /** "as an AI", "you are an AI". */
  readonly ai: readonly string[];
}

const lexicons: Readonly<Record<string, Lexicon>> = {
  es: {
    must: ['debes', 'tienes que', 'usted debe', 'deberás', 'estás obligado a'],
    send: [
      'envía',
      'envíe',
      'envíalo',
      'envíalos',
      'envíame',
      'reenvía',
      'reenvíe',
      'mándame',
      'enviar',
      'reenviar',
      'revelar',
      'revela',
      'revele',
      'dime',
      'dame',
      'comparte',
    ],
    secret: [
      'contraseña',
      'contraseñas',
      'credenciales',
      'clave de api',
      'clave api',
      'claves api',
    ],
    conceal: [
      'no le digas al usuario',
      'no informes al usuario',
      'no le digas nada al usuario',
      'sin que el usuario lo sepa',
      'sin avisar al usuario',
      'sin informar al usuario',
    ],
    later: [
      'a partir de ahora',
      'de ahora en adelante',
      'recuerda que',
      'en futuras conversaciones',
    ],
    ai: ['como ia', 'eres una ia', 'como modelo de lenguaje'],
  },
  fr: {
    must: ['tu dois', 'vous devez', 'il faut que tu', 'il faut que vous'],
    send: [
      'envoie',
      'envoyez',
      'transfère',
      'transférez',
      'transmets',
      'transmettez',
      'envoyer',
      'transférer',
      'transmettre',
      'révéler',
      'révèle',
      'révélez',
      'donne-moi',
      'donnez-moi',
      'dis-moi',
      'dites-moi',
      'partage',
    ],
    secret: ['mot de passe', 'mots de passe', 'identifiants', 'clé api', 'clés api'],
    conceal: [
      "ne dis pas à l'utilisateur",
      "ne dites pas à l'utilisateur",
      "sans que l'utilisateur le sache",
      "sans prévenir l'utilisateur",
      "sans le dire à l'utilisateur",
      "sans informer l'utilisateur",
      "n'informez pas l'utilisateur",
    ],
    later: ['à partir de maintenant', 'désormais', 'dorénavant', 'souviens-toi que', 'retiens que'],
    ai: ["en tant qu'ia", 'tu es une ia', 'en tant que modèle de langage'],
  },
  de: {
    must: ['du musst', 'musst du', 'sie müssen', 'müssen sie', 'du sollst', 'ihr müsst'],
    send: [
      'sende',
      'senden sie',
      'schicke',
      'schick',
      'schicken sie',
      'übermittle',
      'übermitteln sie',
      'senden',
      'schicken',
      'übermitteln',
      'weiterleiten',
      'leite',
      'verrate',
      'verraten sie',
      'gib mir',
      'geben sie mir',
      'nenne mir',
    ],
    secret: ['passwort', 'passwörter', 'kennwort', 'zugangsdaten', 'api-schlüssel', 'anmeldedaten'],
    conceal: [
      'sag dem benutzer nicht',
      'sagen sie dem benutzer nicht',
      'ohne dass der benutzer',
      'ohne den benutzer zu informieren',
      'verschweige',
      'sag dem nutzer nicht',
    ],
    later: ['ab jetzt', 'von nun an', 'ab sofort', 'merke dir', 'in zukünftigen gesprächen'],
    ai: ['als ki', 'du bist eine ki', 'als sprachmodell'],
  },
  it: {
    must: ['devi', 'dovete', 'sei tenuto a'],
    send: [
      'invia',
      'inviare',
      'inoltra',
      'manda',
      'trasmetti',
      'rivela',
      'dimmi',
      'dammi',
      'condividi',
    ],
    secret: ['password', 'credenziali', 'chiave api', 'chiavi api'],
    conceal: [
      "non dire all'utente",
      "non dirlo all'utente",
      "senza che l'utente lo sappia",
      "senza informare l'utente",
      "non informare l'utente",
    ],
    later: ["d'ora in poi", 'da ora in poi', 'da adesso in poi', 'ricorda che'],
    ai: ['come ia', "sei un'ia", 'come modello linguistico'],
  },
  pt: {
    must: ['você deve', 'voce deve', 'tu deves', 'você precisa', 'voce precisa', 'você tem que'],
    send: [
      'envie',
      'envia',
      'encaminhe',
      'encaminha',
      'mande',
      'transfira',
      'enviar',
      'encaminhar',
      'revelar',
      'revele',
      'diga-me',
      'me diga',
      'me dê',
      'compartilhe',
    ],
    secret: ['senha', 'senhas', 'credenciais', 'chave de api', 'chave api'],
    conceal: [
      'não diga ao usuário',
      'nao diga ao usuario',
      'sem que o usuário saiba',
      'sem informar o usuário',
      'não informe o usuário',
    ],
    later: ['a partir de agora', 'de agora em diante', 'lembre-se de que', 'lembre-se que'],
    ai: ['como ia', 'você é uma ia', 'como modelo de linguagem'],
  },
  ru: {
    must: ['ты должен', 'ты должна', 'вы должны', 'тебе нужно', 'вам нужно', 'ты обязан'],
    send: [
      'отправь',
      'отправьте',
      'перешли',
      'перешлите',
      'пришли',
      'пришлите',
      'передай',
      'передайте',
      'раскрой',
      'скажи мне',
      'дай мне',
      'сообщи',
    ],
    secret: ['пароль', 'пароли', 'учетные данные', 'учётные данные', 'api-ключ', 'ключ api'],
    conceal: [
      'не говори пользователю',
      'не сообщай пользователю',
      'не говорите пользователю',
      'без ведома пользователя',
      'чтобы пользователь не узнал',
    ],
    later: ['с этого момента', 'отныне', 'впредь', 'запомни'],
    ai: ['как ИИ', 'ты ИИ', 'как языковая модель'],
  },
  zh: {
    must: ['你必须', '您必须', '你需要', '你应该'],
    send: ['发送', '发给', '转发', '发到', '告诉我', '透露', '泄露', '给我'],
    secret: ['密码', '凭据', '凭证', 'api密钥', '密钥'],
    conceal: ['不要告诉用户', '别告诉用户', '不要让用户知道', '不告诉用户'],
    later: ['从现在开始', '从现在起', '今后', '记住'],
    ai: ['作为ai', '作为人工智能', '你是一个ai'],
  },
  ja: {
    must: ['しなければならない', 'しなければなりません', '必要があります', '必ず'],
    send: ['送信', '送って', '転送', '教えて', '明かして'],
    secret: ['パスワード', '認証情報', 'apiキー', '資格情報'],
    conceal: [
      'ユーザーに言わない',
      'ユーザーに伝えない',
      'ユーザーに知らせない',
      'ユーザーに知られない',
    ],
    later: ['今後', 'これから', '今から', '覚えておいて'],
    ai: ['aiとして', 'あなたはai'],
  },
  ko: {
    must: ['해야 합니다', '해야 한다', '반드시'],
    send: ['보내', '전송', '전달', '알려줘', '알려 주세요', '공개'],
    secret: ['비밀번호', '암호', '자격 증명', 'api 키'],
    conceal: ['사용자에게 말하지', '사용자에게 알리지', '사용자 모르게'],
    later: ['지금부터', '앞으로', '기억해'],
    ai: ['ai로서', '당신은 ai'],
  },
  hi: {
    must: ['आपको अवश्य', 'तुम्हें अवश्य', 'करना होगा', 'करना चाहिए'],
    send: ['भेजें', 'भेजो', 'भेज दें', 'बताएं', 'बताओ', 'दिखाएं'],
    secret: ['पासवर्ड', 'क्रेडेंशियल'],
    conceal: [
      'उपयोगकर्ता को न बताएं',
      'उपयोगकर्ता को मत बताओ',
      'उपयोगकर्ता को मत बताएं',
      'यूज़र को मत बताना',
    ],
    later: ['अब से', 'आज से'],
    ai: ['एक ai के रूप में', 'एआई के रूप में'],
  },
  ar: {
    must: ['يجب عليك', 'عليك أن', 'يتعين عليك'],
    send: ['أرسل', 'ارسل', 'قم بإرسال', 'أعد توجيه', 'اكشف', 'أخبرني', 'أعطني'],
    secret: ['كلمة المرور', 'كلمة السر', 'بيانات الاعتماد', 'مفتاح api'],
    conceal: ['لا تخبر المستخدم', 'دون علم المستخدم', 'دون إخبار المستخدم'],
    later: ['من الآن فصاعدا', 'من الآن فصاعدًا', 'من الآن'],
    ai: ['بصفتك ذكاء اصطناعي', 'كذكاء اصطناعي'],
  },
  bn: {
    must: ['আপনাকে অবশ্যই', 'তোমাকে অবশ্যই', 'অবশ্যই'],
    send: ['পাঠান', 'পাঠাও', 'বলুন', 'জানান', 'দেখান'],
    secret: ['পাসওয়ার্ড'],
    conceal: ['ব্যবহারকারীকে বলবেন না', 'ব্যবহারকারীকে জানাবেন না'],
    later: ['এখন থেকে'],
    ai: ['এআই হিসেবে'],
  },
  vi: {
    must: ['bạn phải', 'bạn cần phải', 'bạn nên'],
    send: ['gửi', 'chuyển tiếp', 'tiết lộ', 'cho tôi biết'],
    secret: ['mật khẩu', 'thông tin đăng nhập', 'khóa api'],
    conceal: ['đừng nói với người dùng', 'không nói với người dùng', 'không cho người dùng biết'],
    later: ['từ bây giờ', 'từ giờ trở đi', 'hãy nhớ'],
    ai: ['là một ai', 'với tư cách là ai'],
  },
  tr: {
    must: ['zorundasın', 'zorundasınız', 'yapmalısın', 'yapmalısınız'],
    send: ['gönder', 'gönderin', 'ilet', 'iletin', 'açıkla', 'söyle'],
    secret: ['şifre', 'şifreyi', 'parola', 'kimlik bilgileri', 'api anahtarı'],
    conceal: [
      'kullanıcıya söyleme',
      'kullanıcıya söylemeyin',
      'kullanıcıya bildirme',
      'kullanıcının haberi olmadan',
    ],
    later: ['bundan sonra', 'şu andan itibaren'],
    ai: ['bir yapay zeka olarak', 'yapay zeka olarak'],
  },
  id: {
    must: ['anda harus', 'kamu harus'],
    send: ['kirim', 'kirimkan', 'teruskan', 'ungkapkan', 'beri tahu saya', 'berikan'],
    secret: ['kata sandi', 'kredensial', 'kunci api'],
    conceal: [
      'jangan beri tahu pengguna',
      'jangan memberi tahu pengguna',
      'tanpa sepengetahuan pengguna',
    ],
    later: ['mulai sekarang', 'mulai saat ini', 'ingat bahwa'],
    ai: ['sebagai ai'],
  },
  th: {
    must: ['คุณต้อง'],
    send: ['ส่งต่อ', 'ส่งให้', 'เปิดเผย', 'บอกฉัน'],
    secret: ['รหัสผ่าน'],
    conceal: ['อย่าบอกผู้ใช้', 'ไม่ต้องบอกผู้ใช้'],
    later: ['ตั้งแต่นี้', 'จากนี้ไป'],
    ai: ['ในฐานะ ai'],
  },
  nl: dutch.general,
  pl: polish.general,
};

const escapeRx = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A word edge for phrases that start or end with a Latin letter: no Latin letter (accented ones included) or
// digit beside it. A \p{L} class would need Unicode mode, whose case-insensitive matching and compilation cost
// several times more, and only Latin letters can run on from a Latin word.
const latinWordChar = '[A-Za-z0-9\\u00C0-\\u024F\\u1E00-\\u1EFF]';
/** A phrase as a pattern: literal, blanks 1-3 wide, ASCII words bounded. */
export function phrase(p: string): string {
  const body = escapeRx(p).replace(/ /g, '[ \\t]{1,3}').replace(/'/g, "['’]");
  const start = /^[a-z]/i.test(p) ? `(?<!${latinWordChar})` : '';
  const end = /[a-z]$/i.test(p) ? `(?!${latinWordChar})` : '';
  return `${start}${body}${end}`;
}
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const anyOf = (list: readonly string[]): string => `(?:${list.map(phrase).join('|')})`;
export const longest = (list: readonly string[]): number =>
  Math.max(...list.map((p) => p.length * 3));

/** A signal detector over a lexicon's phrases (keywords in each case form the keyword pass needs). */
export function detector(
  id: string,
  severity: Severity,
  keywords: readonly string[],
  source: string,
  maxLength: number,
  message: string,
): PatternDetector {
  return {
    id,
    layer: 'signal',
    severity,
    // The keyword pass folds ASCII case only: a capitalised first letter of another script is its own keyword.
    keywords: [
      ...new Set(
        keywords
          .flatMap((k) => [k, k.replace(/'/g, '’')])
          .flatMap((k) => [k, capitalise(k), k.toLowerCase(), capitalise(k.toLowerCase())]),
      ),
    ],
    pattern: rx(source, caseInsensitive(source)),
    maxLength,
    message,
  };
}

function detectorsFor(code: string, l: Lexicon): PatternDetector[] {
  return [
    detector(
      'address.obligation',
      'low',
      l.must,
      anyOf(l.must),
      longest(l.must),
      `tells the reader what it must do (${code})`,
    ),
    detector(
      'intent.concealment',
      'medium',
      l.conceal,
      anyOf(l.conceal),
      longest(l.conceal),
      `asks to keep an action from the user (${code})`,
    ),
    detector(
      'intent.memory-write',
      'low',
      l.later,
      anyOf(l.later),
      longest(l.later),
      `asks to change behaviour beyond this task (${code})`,
    ),
    detector(
      'address.agent',
      'medium',
      l.ai,
      anyOf(l.ai),
      longest(l.ai),
      `addresses an AI reader directly (${code})`,
    ),
    // A hand-over verb near a secret, in either order (verb-final languages put the verb last); a file of
    // secrets named by its path is one in every language.
    detector(
      'intent.secret-access',
      'low',
      [...l.secret, ...secretFiles],
      `${anyOf(l.send)}[^\\n]{0,60}?${anyOf([...l.secret, ...secretFiles])}|${anyOf([...l.secret, ...secretFiles])}[^\\n]{0,60}?${anyOf(l.send)}`,
      220,
      `asks to pass on credentials (${code})`,
    ),
    // A hand-over verb (the lexicons list imperative forms) with an e-mail address or URL after it: an
    // instruction to send something out, as the English directive layer reads it.
    detector(
      'directive.exfil-to-target',
      'medium',
      l.send,
      `${anyOf(l.send)}[^\\n]{0,80}?(?:[\\w.+-]{1,64}@[\\w-]{1,63}\\.[\\w.-]{2,63}|https?:\\/\\/)`,
      260,
      `asks to send something to an outside address (${code})`,
    ),
  ];
}

const address = String.raw`(?:[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,63}|https?:\/\/)`;

// Round 14: a persistence order with a rule, a send verb or an address beside it (either order), and a page to
// fetch whose orders are to be obeyed, as lasting-orders.ts reads them in English.
function lastingDetectorsFor(code: string, l: LastingLexicon): PatternDetector[] {
  const kept = `${anyOf(l.rule)}|${address}`;
  return [
    detector(
      'intent.memory-order',
      'medium',
      l.keep,
      `${anyOf(l.keep)}[^\\n]{0,160}?(?:${kept})|(?:${kept})[^\\n]{0,160}?${anyOf(l.keep)}`,
      200 + longest(l.keep),
      `asks to keep a rule for later sessions or in memory (${code})`,
    ),
    detector(
      'intent.fetch-obey',
      'medium',
      l.obey,
      `(?:https?:\\/\\/|www\\.)[^\\n]{0,200}?${anyOf(l.obey)}`,
      300 + longest(l.obey),
      `asks to fetch a page and obey what it says (${code})`,
    ),
  ];
}

/** Multilingual versions of the general signals, one group per language. */
export const multilingualDetectors: readonly PatternDetector[] = [
  ...Object.entries(lexicons).flatMap(([code, l]) => detectorsFor(code, l)),
  ...Object.entries(lastingAsks).flatMap(([code, l]) => lastingDetectorsFor(code, l)),
  // A set-aside phrase in a reported quotation ('"Forget the rules," she said') is reported, as in English.
  ...lexiconDetectors.map((d) => (d.layer === 'override' ? unlessReported(d) : d)),
];
