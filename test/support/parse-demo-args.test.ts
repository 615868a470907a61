import { describe, expect, it } from 'vitest';
import { parseDemoArgs, type DemoArgs } from './parse-demo-args.ts';

describe('parseDemoArgs', () => {
  it.each<[string, string[], DemoArgs]>([
    ['nothing', [], { headless: false, help: false }],
    ['--headless', ['--headless'], { headless: true, help: false }],
    ['--port N', ['--port', '9300'], { port: 9300, headless: false, help: false }],
    ['--port=N', ['--port=9300'], { port: 9300, headless: false, help: false }],
    ['--port 0 (any free port)', ['--port', '0'], { port: 0, headless: false, help: false }],
    ['--port 65535', ['--port', '65535'], { port: 65535, headless: false, help: false }],
    ['--profile DIR', ['--profile', '/tmp/keystep demo'], { profileDir: '/tmp/keystep demo', headless: false, help: false }],
    ['--profile=DIR', ['--profile=rel/dir'], { profileDir: 'rel/dir', headless: false, help: false }],
    ['all together', ['--headless', '--port=0', '--profile', 'p'], { port: 0, profileDir: 'p', headless: true, help: false }],
    ['--help', ['--help'], { headless: false, help: true }],
    ['-h', ['-h'], { headless: false, help: true }],
  ])('reads %s', (_label, args, expected) => {
    expect(parseDemoArgs(args)).toEqual(expected);
  });

  it.each([
    ['an unknown flag', ['--headed'], 'Unknown argument "--headed"'],
    ['a stray word', ['demo'], 'Unknown argument "demo"'],
    ['--port without a value', ['--port'], '--port needs a value'],
    ['--port followed by a flag', ['--port', '--headless'], '--port needs a value'],
    ['a port above 65535', ['--port', '65536'], '--port needs a number from 0 to 65535, got "65536"'],
    ['a negative port', ['--port=-1'], '--port needs a number from 0 to 65535, got "-1"'],
    ['a port with letters', ['--port', '92a9'], '--port needs a number from 0 to 65535, got "92a9"'],
    ['an empty --port=', ['--port='], '--port needs a number from 0 to 65535, got ""'],
    ['--profile without a value', ['--profile'], '--profile needs a value'],
    ['an empty --profile=', ['--profile='], '--profile needs a folder, got ""'],
  ])('refuses %s', (_label, args, message) => {
    expect(() => parseDemoArgs(args)).toThrow(message);
  });
});
