import { describe, expect, test } from 'vitest';
import { configFileToGuess, plainRunConfig } from './launch-children.js';

describe('plainRunConfig: which command lines the bin spawns backends for', () => {
  test.each([
    [['--config', 'a.json'], 'a.json'],
    [['-c', 'a.json'], 'a.json'],
    [['--config=a.json'], 'a.json'],
    [['run', '--config', 'a.json'], 'a.json'],
    [['--config', 'a.json', 'run'], 'a.json'],
    [['--log-level', 'debug', '--no-color', '--config', 'a.json', '--no-console'], 'a.json'],
    [['--agent=ci', '--state-dir', '/tmp/s', '--entry-name', 'gw', '-c', 'a.json'], 'a.json'],
    [['--approve', 'r1', '--approve=r2', '--config', 'a.json'], 'a.json'],
    // No --config: MCP_GATEWAY_CONFIG or the search decides.
    [[], null],
    [['run'], null],
  ])('%j is a plain run: %j', (args, config) => {
    expect(plainRunConfig(args)).toBe(config);
  });

  test.each([
    // Other commands, help and version.
    [['validate', '--config', 'a.json']],
    [['serve', '--http', '127.0.0.1:0', '--config', 'a.json']],
    [['--version']],
    [['-v']],
    [['--help', '--config', 'a.json']],
    [['run', 'run', '--config', 'a.json']],
    [['--config', 'a.json', 'tools']],
    // A profile may leave servers out.
    [['--profile', 'p', '--config', 'a.json']],
    // Values commander refuses or that this does not read like commander.
    [['--log-level', 'loud', '--config', 'a.json']],
    [['--config']],
    [['--config', '--no-color']],
    [['--config=']],
    [['-ca.json']],
    [['-c=a.json']],
    [['--config', 'a.json', '--config', 'b.json']],
    [['--', '--config', 'a.json']],
    [['--unknown', '--config', 'a.json']],
  ])('%j is left to commander', (args) => {
    expect(plainRunConfig(args)).toBeUndefined();
  });
});

describe('configFileToGuess', () => {
  test('a JSON file, resolved against the working directory', () => {
    expect(configFileToGuess('conf/a.json', undefined, '/work')).toBe('/work/conf/a.json');
    expect(configFileToGuess('/etc/a.json', '', '/work')).toBe('/etc/a.json');
  });

  test('nothing for no file, a profile, YAML or package.json', () => {
    expect(configFileToGuess(undefined, undefined, '/work')).toBeUndefined();
    expect(configFileToGuess('', undefined, '/work')).toBeUndefined();
    expect(configFileToGuess('a.json', 'p', '/work')).toBeUndefined();
    expect(configFileToGuess('a.yaml', undefined, '/work')).toBeUndefined();
    expect(configFileToGuess('package.json', undefined, '/work')).toBeUndefined();
  });
});
