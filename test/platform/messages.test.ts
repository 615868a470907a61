import { describe, expect, it } from 'vitest';
import { OTP_INPUT_ERROR_CODES } from '../../src/core/otp-input-error.ts';
import messages from '../../src/static/_locales/en/messages.json' with { type: 'json' };

const catalogue = messages as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('message catalogue', () => {
  it.each(OTP_INPUT_ERROR_CODES)('has a message for the input error %s', (code) => {
    expect(catalogue[`otpError_${code.replaceAll('-', '_')}`]?.message).toMatch(/\w/);
  });

  it.each(Object.entries(catalogue))('%s: every $NAME$ in the message has a placeholder', (_, entry) => {
    const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
    expect(used.filter((name) => !(entry.placeholders && name in entry.placeholders))).toEqual([]);
  });
});
