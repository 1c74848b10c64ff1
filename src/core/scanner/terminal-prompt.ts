// Terminal output shows a program's prompts: "Enter your npm one-time password:", "Paste your authentication token:",
// "[sudo] password for ops:", "Please type your database password to continue:". Such a line asks the person at the
// terminal for a value only they know, and what follows is their (masked) answer or the program's next output. The
// AI reading the output afterwards is not asked anything: the program already asked, and got its answer. Read as a
// sentence, the prompt is an off-topic request for a secret in the middle of build output, the very shape of a
// register shift; read as a line of terminal output, it is the program's, not the text's. A line is such a prompt
// when the text is terminal output (an ANSI escape, or a shell prompt line "$ …", "> …", "PS C:\…>"), the line is
// one line asking for a value (enter, type, paste, provide… or a bare "Password for …:"), it ends as a prompt does
// (a colon, then nothing, a masked answer or a short echo; a question mark; a hint in parentheses) and it names no AI
// reader and no place the value should go or come from (a URL, an e-mail address, a path, "the contents of"): an
// injection planted in output speaks to the agent, or gives it something to fetch or somewhere to send.

const escape =
  // eslint-disable-next-line no-control-regex
  /\u001b(?:\[[0-?]{0,32}[ -/]{0,4}[@-~]|\][^\u0007\u001b]{0,512}(?:\u0007|\u001b\\))/g;
const terminal =
  // eslint-disable-next-line no-control-regex
  /\u001b\[|(?:^|\n)[ \t]{0,4}(?:\$|%|#|>|❯|➜|PS [A-Z]:\\[^>\n]{0,80}>|[\w.-]{1,32}@[\w.-]{1,64}:[^\n$#]{0,80}[$#])[ \t]/;
// A prompt's request: a verb of giving a value, or a value's name then "for …" ("Password for 'https://…':").
const asks =
  /^[\s?>*•:!\-[\]✔✓]{0,6}(?:\[[\w -]{1,20}\][ \t]{1,3})?(?:(?:please[ \t]{1,3})?(?:(?:re-?)?enter|type|paste|input|provide|supply|give|confirm|choose|set|create)\b|(?:[\w-]{1,20}[ \t]{1,3}){0,3}(?:password|passphrase|passcode|pin|otp|token|username|user[ \t]name|key|code)[ \t]{1,3}(?:for|of)\b)/i;
// How a prompt line ends: a colon and the answer's echo (none, masked, a short word), a question mark, or a hint.
const promptEnd =
  /(?::[ \t]{0,3}(?:[*•●·]{1,80}|[^\s:]{1,40})?|\?|\([^()\n]{1,80}\)[ \t]{0,2}:?)[ \t]*$/;
const elsewhere =
  /https?:\/\/(?![^\s'"]*['"]?\s*:?\s*$)|\bwww\.|[\w.+-]+@[\w-]+\.[a-z]{2,}\b(?!['"]?\s*:)|~\/|\/etc\/|\$HOME|\.ssh\/|\.env\b|\.aws\/|\bcontents?\s{1,3}of\b|\b(?:send|post|upload|forward|email|e-mail|submit)\b/i;
const aiReader =
  /\b(?:A\.?I\b|LLMs?\b|assistants?\b|chat\s?bots?\b|models?\b|agents?\b|ChatGPT|Claude|Copilot|Gemini|GPT-?\d|automated|bots?\b)/i;

/** Whether [start, end) of `text` is a prompt line of terminal output, asking the person at the terminal for a value. */
export function terminalPrompt(text: string, start: number, end: number): boolean {
  if (text.slice(start, end).trim().includes('\n')) return false;
  const from = text.lastIndexOf('\n', start - 1) + 1;
  let to = text.indexOf('\n', end);
  if (to < 0) to = text.length;
  if (to - from > 300) return false;
  if (!terminal.test(text.length > 20_000 ? text.slice(Math.max(0, from - 5000), to + 5000) : text))
    return false;
  const line = text.slice(from, to).replace(escape, '').trim();
  return asks.test(line) && promptEnd.test(line) && !elsewhere.test(line) && !aiReader.test(line);
}
