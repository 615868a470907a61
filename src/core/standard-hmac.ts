import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { nobleHmac } from './otp-hmac.ts';

/** HMAC with the three algorithms of the Key Uri Format (SHA1, SHA256, SHA512): what every account may use. */
export const standardHmac = nobleHmac({ SHA1: sha1, SHA256: sha256, SHA512: sha512 });
