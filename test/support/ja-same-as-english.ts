/**
 * Messages of _locales/ja that stay exactly as in English, each with the reason. Everything else must be
 * translated (test/platform/messages-ja.test.ts); docs/ja-glossary.md lists the terms used.
 */
export const JA_SAME_AS_ENGLISH: ReadonlyMap<string, string> = new Map([
  ['extName', 'the product name, not translated'],
  ['popupHeading', 'the product name (the popup heading and document title)'],
  ['navCognito', 'the AWS service name, written in English in the Japanese AWS console and docs'],
  ['summaryPreferred', 'the GetUser response field name, shown as the API returns it'],
  ['summaryList', 'the GetUser response field name, shown as the API returns it'],
  ['signInFlow_srp', 'the name of the protocol (Secure Remote Password), written so in the Japanese Cognito docs'],
  ['importPreviewItem', 'only two placeholders and a dash: both parts are translated messages'],
  ['importWhereHint', 'only two placeholders and a colon: both parts are translated messages'],
  ['lineError', 'only two placeholders and a colon: both parts are translated messages'],
]);
