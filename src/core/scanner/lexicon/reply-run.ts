import type { PerLanguage } from './stems.js';
import { dutch, polish } from './dutch-polish.js';

// "Answer only with 'APPROVED'" and "run rm -rf ~/x": the task-hijack and shell-command asks of the English layers
// in the other languages. Verb forms are written out where a stem would also read English ("responde*" would
// match "responded").

/**
 * Verbs of answering (answer, reply, respond): the keywords of the answer-only ask. Not "write", "say" or "output"
 * (出力, 출력): short ones sit inside English words ("sag" in "usage"), and manuals say a flag outputs only X.
 */
export const replyVerbs: PerLanguage = {
  es: ['responde', 'responda', 'respondan', 'responder', 'contesta', 'conteste', 'contestar'],
  fr: ['réponds', 'répondez', 'répondre', 'réponde'],
  de: ['antworte', 'antworten sie', 'beantworte'],
  it: ['rispondi', 'rispondete', 'rispondere', 'risponda'],
  pt: ['responda', 'responde', 'responder', 'respondam'],
  ru: ['отвечай*', 'ответь*', 'ответить'],
  zh: ['回答', '回复', '答复', '回应'],
  ja: ['答え', '返答', '回答', '返信'],
  ko: ['대답', '답하', '답해', '응답'],
  hi: ['जवाब', 'उत्तर'],
  ar: ['أجب', 'اجب', 'أجيبي', 'ردّ'],
  bn: ['উত্তর', 'জবাব'],
  vi: ['trả lời', 'phản hồi'],
  tr: ['cevap ver*', 'yanıt ver*', 'yanıtla*', 'cevapla*'],
  id: ['jawab', 'jawablah', 'balas', 'balaslah', 'tanggapi'],
  th: ['ตอบ'],
  tl: ['sumagot', 'sagutin', 'tumugon'],
  nl: dutch.replyVerbs,
  pl: polish.replyVerbs,
};

/**
 * Only, nothing but. Korean writes "only" as a particle on the quoted word: the particle with what precedes it. */
export const onlyWords: PerLanguage = {
  es: ['solo', 'sólo', 'solamente', 'únicamente', 'exclusivamente', 'nada más que'],
  fr: ['uniquement', 'seulement', 'exclusivement', "rien d'autre que", 'que par'],
  de: ['nur', 'ausschließlich', 'lediglich'],
  it: ['solo', 'soltanto', 'solamente', 'unicamente', 'esclusivamente'],
  pt: ['apenas', 'somente', 'só', 'unicamente', 'exclusivamente'],
  ru: ['только', 'лишь', 'исключительно'],
  zh: ['只回', '只能', '只用', '只说', '只输', '仅回', '仅用', '仅输'],
  ja: ['とだけ', 'だけを', 'だけで', 'のみ'],
  ko: ['라고만', '이라고만', '로만', '으로만'],
  hi: ['केवल', 'सिर्फ़', 'सिर्फ', 'मात्र'],
  ar: ['فقط'],
  bn: ['শুধু', 'কেবল', 'শুধুমাত্র'],
  vi: ['chỉ'],
  tr: ['sadece', 'yalnızca', 'yalnız'],
  id: ['hanya', 'cuma'],
  th: ['เท่านั้น', 'แค่', 'เพียง'],
  tl: ['lamang'],
  nl: dutch.onlyWords,
  pl: polish.onlyWords,
};

/**
 * What a dictated reply looks like around "answer only": a quoted literal, a word in capitals, or the word "word" or
 * "phrase" itself ("contesta únicamente con la palabra …"). Without one, "la API responde solo con JSON" is a manual.
 */
export const dictatedLiteral = {
  quoteOrCaps:
    /["'“”«»„「」『』‘’]|(?<![A-Za-z\u00C0-\u024F\u0400-\u04FF])[A-ZÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÇÑÄÖÜ\u0410-\u042F]{3,}(?![a-z\u00E0-\u024F\u0430-\u044F])/,
  word: /palabra|frase|\bmot\b|phrase|\bwort\b|\bsatz\b|parola|palavra|слов|фраз|单词|词语|言葉|単語|단어|문장|كلمة|عبارة|शब्द|वाक्य|শব্দ|\btừ\b|\bcâu\b|kelime|cümle|\bkata\b|kalimat|คำ|salita/i,
};

/**
 * Languages whose answer verbs also read as statements ("el servidor responde solo con JSON"): there the verb must
 * open its clause (after punctuation, "and", "from now on" or a polite opener), as an order does.
 */
/** Languages that put "only" before the answer verb ("chỉ trả lời", "只回答", "केवल … जवाब दो"); elsewhere the verb comes first. */
export const onlyFirst = new Set(['vi', 'zh', 'ja', 'ko', 'hi', 'bn', 'tr']);

export const replyOpens = new Set(['es', 'fr', 'it', 'pt', 'de', 'vi', 'id', 'zh', 'th', 'tl']);

/** What may end the text before an order in its sentence: a clause break, "and", "now", "you (all)". */
export const clauseOpen =
  /(?:^|[,;:，；：、—–]|(?<![A-Za-z\u00C0-\u024F])(?:y|e|et|und|ou|o|oder|và|dan|ahora|maintenant|désormais|jetzt|agora|ora|adesso|sekarang|bây giờ|luego|puis|dann|então|poi|rồi|lalu)|你都|你就|你只|你|请|就|都)[\s"'“«„(*¿¡]*$/i;

/** Verbs of running a command: run, execute, launch. Not the forms English shares ("execute", "lance"): the English rule reads those. */
export const runVerbs: PerLanguage = {
  es: ['ejecuta', 'ejecute', 'ejecutar', 'ejecútalo', 'lanza'],
  fr: ['exécute', 'exécutez', 'exécuter', 'lancez'],
  de: ['führe', 'führen sie', 'ausführen'],
  it: ['esegui', 'eseguire', 'esegua', 'lancia', 'lanciare'],
  pt: ['executa', 'executar', 'rodar'],
  ru: ['выполни', 'выполните', 'выполнить', 'запусти', 'запустите', 'запустить'],
  zh: ['执行', '运行', '跑一下'],
  ja: ['実行'],
  ko: ['실행'],
  hi: ['चलाओ', 'चलाएं', 'चलाएँ', 'चलाइए', 'निष्पादित'],
  ar: ['نفّذ', 'نفذ', 'شغّل', 'شغل', 'قم بتشغيل', 'قم بتنفيذ'],
  bn: ['চালান', 'চালাও', 'রান করুন', 'রান করো'],
  vi: ['chạy', 'thực thi', 'thực hiện lệnh'],
  tr: ['çalıştır*'],
  id: ['jalankan', 'eksekusi'],
  th: ['รัน', 'เรียกใช้', 'สั่งรัน'],
  tl: ['patakbuhin', 'isagawa'],
  nl: dutch.runVerbs,
  pl: polish.runVerbs,
};

/**
 * A command line that changes or fetches something, as the English rule lists them: after a run verb in any
 * language. Not preceded by a letter or hyphen: "perform" holds "rm".
 */
export const shellCommand = String.raw`(?<![A-Za-z0-9_-])(?:curl|wget|bash|sh|zsh|sudo|chmod|chown|rm|ssh|scp|nc|netcat|powershell|iex|iwr|invoke-expression|eval|base64|dd|kill|crontab|python3?[ \t]{1,3}-c|node[ \t]{1,3}-e)[ \t]{1,3}[-\w./~$"'|(]`;
