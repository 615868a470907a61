import { describe, expect, it } from 'vitest';
import type { OtpInputErrorCode } from '../../src/core/otp-input-error.ts';
import { parseOtpauthUri } from '../../src/core/otpauth-uri.ts';
import { parseUriList } from '../../src/core/parse-uri-list.ts';

const GOOD_1 = 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const GOOD_2 = 'otpauth://hotp/Example:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY&counter=3';
const BAD_SCHEME = 'https://example.com';
const BAD_SECRET = 'otpauth://totp/x?secret=JBSW';

type Expected = readonly [line: number, text: string, code?: OtpInputErrorCode];

describe('parseUriList', () => {
  it.each<[string, string, readonly Expected[]]>([
    ['empty text', '', []],
    ['only blank lines', '\n  \r\n\t\n', []],
    ['one URI without a newline', GOOD_1, [[1, GOOD_1]]],
    ['LF lines with a blank line between', `${GOOD_1}\n\n${GOOD_2}\n`, [[1, GOOD_1], [3, GOOD_2]]],
    ['CRLF lines', `${GOOD_1}\r\n${GOOD_2}\r\n`, [[1, GOOD_1], [2, GOOD_2]]],
    ['CR-only lines', `${GOOD_1}\r${GOOD_2}`, [[1, GOOD_1], [2, GOOD_2]]],
    ['indented lines are trimmed', `   ${GOOD_1}  \n\t${GOOD_2}`, [[1, GOOD_1], [2, GOOD_2]]],
    [
      'errors keep their line',
      `${BAD_SCHEME}\n${GOOD_1}\r\n\r\n${BAD_SECRET}\nnot a uri`,
      [
        [1, BAD_SCHEME, 'uri-scheme'],
        [2, GOOD_1],
        [4, BAD_SECRET, 'secret-too-short'],
        [5, 'not a uri', 'uri-malformed'],
      ],
    ],
  ])('%s', (_, text, expected) => {
    const lines = parseUriList(text);
    expect(
      lines.map((l) => (l.ok ? { line: l.line, text: l.text, draft: l.draft } : { line: l.line, text: l.text, code: l.error.code })),
    ).toEqual(
      expected.map(([line, lineText, code]) =>
        code === undefined ? { line, text: lineText, draft: parseOtpauthUri(lineText) } : { line, text: lineText, code },
      ),
    );
  });
});
