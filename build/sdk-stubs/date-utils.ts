/**
 * Build-time stand-in for `@smithy/core`'s `serde/date-utils.js` (see `awsSdkTrim` in build/aws-sdk-trim.ts): never
 * imported by Keystep's code, only substituted for that module in the extension bundle. It replaces the five date
 * parsers and formatters the JSON codec calls for members of a timestamp shape.
 *
 * Why they are dead code for Keystep: none of the seven Cognito operations it calls has a timestamp anywhere in its
 * input or output (`test/build/sdk-stubs.test.ts` walks their schemas to check), so the codec never reaches them. A
 * timestamp member would fail here loudly instead of being read wrong.
 */

const unavailable = (): Error => new Error('Keystep bundles no AWS SDK timestamp parsing; see build/aws-sdk-trim.ts');

export function dateToUtcString(): never {
  throw unavailable();
}

export function parseRfc3339DateTime(): never {
  throw unavailable();
}

export function parseRfc3339DateTimeWithOffset(): never {
  throw unavailable();
}

export function parseRfc7231DateTime(): never {
  throw unavailable();
}

export function parseEpochTimestamp(): never {
  throw unavailable();
}
