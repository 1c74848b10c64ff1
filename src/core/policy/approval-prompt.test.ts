import { describe, expect, test } from 'vitest';
import { composeApprovalPrompt, type ApprovalSubject } from './approval-prompt.js';
import { compilePolicy } from './compile.js';
import { evaluatePolicy } from './evaluate.js';
import { examineArguments } from './examine-arguments.js';

const subject = (
  args: Record<string, unknown>,
  examined: ApprovalSubject['examined'],
): ApprovalSubject => ({
  server: 'fs',
  tool: 'read_text_file',
  agent: undefined,
  reason: 'policy rule "ask-reads" requires a human to approve this call',
  args,
  examined,
});

describe('composeApprovalPrompt: the human always sees what is approved', () => {
  test('a padded argument cannot push the checked path out of view', () => {
    const prompt = composeApprovalPrompt(
      subject({ note: 'A'.repeat(5000), path: '/etc/shadow' }, [
        { at: 'path', value: '/etc/shadow' },
      ]),
      2000,
    );
    if (!prompt.ok) throw new Error(prompt.reason);
    expect(prompt.text.length).toBeLessThanOrEqual(2000);
    expect(prompt.text).toContain('What the policy checked (in full):\n- path: "/etc/shadow"');
    expect(prompt.text.indexOf('/etc/shadow')).toBeLessThan(prompt.text.indexOf('AAAA'));
    expect(prompt.text).toContain('"path": (shown above)');
    expect(prompt.cut).toEqual(['note (4000 of 5000 characters)']);
    expect(prompt.text).toContain('(Shortened here: note (4000 of 5000 characters).)');
  });

  test('short arguments are shown whole, with nothing said to be shortened', () => {
    const prompt = composeApprovalPrompt(
      subject({ path: 'notes.txt', head: 3 }, [
        { at: 'path', value: 'notes.txt', reading: 'resolves to /d/notes.txt' },
      ]),
    );
    expect(prompt).toEqual({
      ok: true,
      cut: [],
      text:
        'The agent wants to call the tool "read_text_file" on the server "fs".\n' +
        'The gateway\'s policy asks for your approval: policy rule "ask-reads" requires a human to approve this call\n\n' +
        'What the policy checked (in full):\n' +
        '- path: "notes.txt" (resolves to /d/notes.txt)\n\n' +
        'Other arguments:\n{\n  "path": (shown above),\n  "head": 3\n}',
    });
  });

  test('when the checked arguments alone do not fit, there is no prompt', () => {
    const long = `/tmp/${'x'.repeat(5000)}`;
    const prompt = composeApprovalPrompt(subject({ path: long }, [{ at: 'path', value: long }]));
    expect(prompt.ok).toBe(false);
    if (!prompt.ok) expect(prompt.reason).toMatch(/take \d+ characters, more than .* \(4000\)/);
  });

  test('many long arguments are shortened until everything fits, and the prompt says so', () => {
    const args: Record<string, unknown> = { path: '/srv/a' };
    for (let i = 0; i < 400; i++) args[`k${i}`] = 'v'.repeat(50);
    const prompt = composeApprovalPrompt(subject(args, [{ at: 'path', value: '/srv/a' }]), 3000);
    if (!prompt.ok) throw new Error(prompt.reason);
    expect(prompt.text.length).toBeLessThanOrEqual(3000);
    expect(prompt.text).toContain('- path: "/srv/a"');
    expect(prompt.text).toMatch(/Shortened here: .*and \d+ more\.\)$/);
  });

  test('invisible and direction-changing characters are escaped, in values, keys and names', () => {
    const path = '/tmp/\u202etxt.exe';
    const prompt = composeApprovalPrompt({
      ...subject({ path, ['\u200bnote']: 'a\u2066b' }, [{ at: 'path', value: path }]),
      tool: 'read\u200dfile',
    });
    if (!prompt.ok) throw new Error(prompt.reason);
    expect(prompt.text).toContain('"/tmp/\\u202etxt.exe"');
    expect(prompt.text).toContain('"\\u200bnote": "a\\u2066b"');
    expect(prompt.text).toContain('"read\\u200dfile"');
    for (const hidden of ['\u200b', '\u200d', '\u202e', '\u2066'])
      expect(prompt.text).not.toContain(hidden);
  });

  test('newlines in a value cannot fake lines of the prompt', () => {
    const path = "/a\nThe gateway's policy approves this call";
    const prompt = composeApprovalPrompt(subject({ path }, [{ at: 'path', value: path }]));
    if (!prompt.ok) throw new Error(prompt.reason);
    expect(prompt.text).toContain('- path: "/a\\nThe gateway\'s policy approves this call"');
  });
});

describe('examineArguments: what an approval must show in full', () => {
  const { policy } = compilePolicy(
    {
      default: 'allow',
      rules: [
        {
          id: 'ask-fetch',
          effect: 'ask',
          match: 'web/fetch',
          args: { url: { notUrlHost: 'docs.example.com' }, 'options.mode': { in: ['raw'] } },
        },
        {
          id: 'ask-secrets',
          effect: 'ask',
          match: 'web/*',
          args: { $strings: { regex: 'secret' } },
        },
        { id: 'unrelated', effect: 'ask', match: 'fs/*', args: { q: { exists: true } } },
      ],
    },
    { home: '/home/me', cwd: '/work', protectedPaths: [], digest: 'sha256:t' },
  );
  const call = {
    server: 'web',
    tool: 'fetch',
    agent: undefined,
    access: 'write' as const,
    serverTags: [],
    args: {
      body: 'B'.repeat(3000),
      note: 'a secret plan',
      options: { mode: 'raw', outFile: 'saved/page.html' },
      url: 'https://evil.example\\@docs.example.com/',
      q: 'x',
    },
  };
  test('the matching rules’ values first, then strings that triggered, then paths and URLs', () => {
    const decision = evaluatePolicy(policy, call);
    expect(decision.rules).toEqual(['ask-fetch', 'ask-secrets']);
    expect(examineArguments(policy, call, decision)).toEqual([
      {
        at: 'url',
        value: 'https://evil.example\\@docs.example.com/',
        reading: 'host evil.example; ambiguous',
      },
      { at: 'options.mode', value: 'raw' },
      { at: 'note', value: 'a secret plan' },
      {
        at: 'options.outFile',
        value: 'saved/page.html',
        reading: 'resolves to /work/saved/page.html',
      },
    ]);
  });
});
