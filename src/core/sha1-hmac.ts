import { sha1 } from '@noble/hashes/legacy.js';
import { nobleHmac } from './otp-hmac.ts';

/** HMAC-SHA1 alone: all that Cognito's TOTP (SHA1, 6 digits, 30 s) needs, without the SHA-2 code. */
export const sha1Hmac = nobleHmac({ SHA1: sha1 });
