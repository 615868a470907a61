import type { StringConstraints } from '../json-input.ts';

// Member constraints from the cognito-idp model (botocore cognito-idp/2016-04-18/service-2.json).

export const USER_POOL_ID: StringConstraints = { min: 1, max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/, patternText: '[\\w-]+_[0-9a-zA-Z]+' };
export const CLIENT_ID: StringConstraints = { min: 1, max: 128, pattern: /^[\w+]+$/, patternText: '[\\w+]+' };
export const USERNAME: StringConstraints = { min: 1, max: 128, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' };
export const PASSWORD: StringConstraints = { max: 256, pattern: /^\S(?:.*\S)?$/s, patternText: '^[\\S]+.*[\\S]+$' };
export const SESSION: StringConstraints = { min: 20, max: 2048 };
export const ACCESS_TOKEN: StringConstraints = { pattern: /^[A-Za-z0-9\-_=.]+$/, patternText: '[A-Za-z0-9-_=.]+' };
/** RevokeToken's Token (TokenModelType) has the same pattern. */
export const REFRESH_TOKEN: StringConstraints = ACCESS_TOKEN;
export const CLIENT_SECRET: StringConstraints = { min: 1, max: 64, pattern: /^[\w+]+$/, patternText: '[\\w+]+' };
