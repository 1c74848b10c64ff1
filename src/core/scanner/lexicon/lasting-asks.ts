// Round 14 (issue 11): the lasting-order and fetch-and-obey asks of lasting-orders.ts in other languages. `keep` is a
// persistence order said to the reader with its scope ("remember forever", "save to your memory", "in all future
// conversations, remember"); `rule` marks what is kept as a rule (always, never); `obey` tells the reader to do what a
// fetched page says. Literal phrases (blanks 1-3 wide); verbs in the imperative, so a description of a product that
// remembers is not an order.

export interface LastingLexicon {
  readonly keep: readonly string[];
  readonly rule: readonly string[];
  readonly obey: readonly string[];
}

export const lastingAsks: Readonly<Record<string, LastingLexicon>> = {
  es: {
    keep: [
      'recuerda para siempre',
      'recuerda en todas las conversaciones futuras',
      'guarda en tu memoria',
      'guárdalo en tu memoria',
      'guarda esto en tu memoria',
      'memoriza para siempre',
      'recuerda en futuras conversaciones',
    ],
    rule: ['siempre', 'nunca', 'sin preguntar', 'envía', 'reenvía'],
    obey: [
      'haz lo que dice',
      'haz lo que dicen',
      'sigue sus instrucciones',
      'ejecútalas',
      'ejecuta sus instrucciones',
      'cúmplelas',
      'obedécelas',
    ],
  },
  fr: {
    keep: [
      'souviens-toi pour toujours',
      'retiens pour toujours',
      'enregistre dans ta mémoire',
      'garde en mémoire pour toujours',
      'mémorise pour toujours',
      'souviens-toi dans toutes les conversations futures',
      'retiens pour toutes les conversations futures',
    ],
    rule: ['toujours', 'jamais', 'sans demander', 'envoie', 'transfère'],
    obey: [
      "fais ce qu'il dit",
      "fais ce qu'elle dit",
      "fais ce qu'elles disent",
      "faites ce qu'il dit",
      'exécute-les',
      'exécutez-les',
      'suis-les',
      'suivez-les',
      'applique-les',
      'obéis-y',
    ],
  },
  de: {
    keep: [
      'merke dir für immer',
      'merke dir dauerhaft',
      'merke dir für alle zukünftigen',
      'merk dir für immer',
      'speichere in deinem gedächtnis',
      'speichere dauerhaft',
      'speichere das dauerhaft',
      'behalte für alle zukünftigen',
    ],
    rule: ['immer', 'niemals', 'ohne nachzufragen', 'ohne zu fragen', 'sende', 'leite'],
    obey: [
      'tu, was dort steht',
      'tu was dort steht',
      'befolge sie',
      'befolgen sie sie',
      'führe sie aus',
      'führen sie sie aus',
      'befolge die dortigen anweisungen',
      'befolge alle anweisungen dort',
    ],
  },
  it: {
    keep: [
      'ricorda per sempre',
      'ricordati per sempre',
      'salva nella tua memoria',
      'memorizza per sempre',
      'ricorda in tutte le conversazioni future',
    ],
    rule: ['sempre', 'mai', 'senza chiedere', 'invia', 'inoltra'],
    obey: [
      'fai quello che dice',
      'fai ciò che dice',
      'eseguile',
      'seguile',
      'obbediscigli',
      'esegui le istruzioni che contiene',
    ],
  },
  pt: {
    keep: [
      'lembre-se para sempre',
      'lembra-te para sempre',
      'salve na sua memória',
      'guarde na sua memória',
      'memorize para sempre',
      'lembre-se em todas as conversas futuras',
    ],
    rule: ['sempre', 'nunca', 'sem perguntar', 'envie', 'encaminhe'],
    obey: [
      'faça o que diz',
      'faça o que ela diz',
      'faça o que eles dizem',
      'execute-as',
      'siga-as',
      'cumpra-as',
      'obedeça-as',
    ],
  },
  ru: {
    keep: [
      'запомни навсегда',
      'запомните навсегда',
      'навсегда запомни',
      'сохрани в памяти',
      'сохрани в своей памяти',
      'сохраните в памяти',
      'запомни для всех будущих',
    ],
    rule: ['всегда', 'никогда', 'не спрашивая', 'отправляй', 'пересылай', 'отправь'],
    obey: [
      'выполни их',
      'выполните их',
      'сделай то, что там написано',
      'сделай всё, что там написано',
      'следуй им',
      'следуйте им',
      'выполни всё, что там',
    ],
  },
  zh: {
    keep: [
      '永远记住',
      '请永远记住',
      '保存到你的记忆',
      '存入你的记忆',
      '记住以后',
      '在以后的所有对话中都',
    ],
    rule: ['总是', '始终', '永远不要', '一律', '发送', '转发'],
    obey: [
      '照做',
      '按照其中的指示',
      '按其中的说明执行',
      '执行其中的指令',
      '遵循其中的指示',
      '按照上面写的做',
    ],
  },
  ja: {
    keep: [
      'ずっと覚えておいて',
      '永久に覚えて',
      '記憶に保存して',
      'メモリに保存して',
      '今後のすべての会話で覚えて',
    ],
    rule: ['常に', '必ず', '絶対に', '送信', '転送'],
    obey: [
      'その指示に従って',
      '書かれている通りに実行',
      '書かれている通りにして',
      '指示を実行して',
    ],
  },
  ko: {
    keep: [
      '영원히 기억해',
      '영원히 기억하세요',
      '메모리에 저장해',
      '기억에 저장해',
      '앞으로 모든 대화에서 기억',
    ],
    rule: ['항상', '절대', '보내', '전달'],
    obey: ['그 지시를 따르', '거기 적힌 대로', '지시대로 실행', '그대로 실행'],
  },
  nl: {
    keep: [
      'onthoud voor altijd',
      'onthoud voor alle volgende',
      'onthoud voor alle toekomstige',
      'onthoud in alle toekomstige',
      'sla op in je geheugen',
      'sla dit op in je geheugen',
    ],
    rule: ['altijd', 'nooit', 'zonder te vragen', 'stuur', 'doorsturen'],
    obey: [
      'voer ze uit',
      'doe wat er staat',
      'volg ze op',
      'doe wat het zegt',
      'voer de instructies daar uit',
    ],
  },
  pl: {
    keep: [
      'zapamiętaj na zawsze',
      'zapisz w pamięci',
      'zapisz w swojej pamięci',
      'zapamiętaj we wszystkich przyszłych',
    ],
    rule: ['zawsze', 'nigdy', 'bez pytania', 'wysyłaj', 'wyślij', 'przesyłaj'],
    obey: [
      'wykonaj je',
      'zrób to, co tam jest napisane',
      'postępuj zgodnie z nimi',
      'wykonaj zawarte tam polecenia',
    ],
  },
  tr: {
    keep: ['sonsuza dek hatırla', 'sonsuza kadar hatırla', 'hafızana kaydet', 'belleğine kaydet'],
    rule: ['her zaman', 'asla', 'sormadan', 'gönder', 'ilet'],
    obey: ['oradaki talimatları uygula', 'söylediklerini yap', 'yazanları yap'],
  },
  id: {
    keep: [
      'ingat selamanya',
      'simpan di memorimu',
      'simpan dalam memorimu',
      'simpan di memori anda',
    ],
    rule: ['selalu', 'jangan pernah', 'tanpa bertanya', 'kirim', 'teruskan'],
    obey: [
      'lakukan apa yang dikatakan',
      'ikuti instruksinya',
      'jalankan instruksinya',
      'lakukan apa yang tertulis',
    ],
  },
  vi: {
    keep: [
      'hãy nhớ mãi',
      'ghi nhớ vĩnh viễn',
      'lưu vào bộ nhớ của bạn',
      'hãy nhớ trong mọi cuộc trò chuyện sau này',
    ],
    rule: ['luôn luôn', 'luôn', 'không bao giờ', 'gửi', 'chuyển tiếp'],
    obey: ['làm theo hướng dẫn trong đó', 'làm theo những gì', 'thực hiện theo hướng dẫn đó'],
  },
};
