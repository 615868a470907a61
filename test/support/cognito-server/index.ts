// The local Cognito user-pool server for tests and demos. See README.md in this folder.
export { startCognitoServer } from './start-cognito-server.ts';
export type { CognitoServer, CognitoServerOptions } from './start-cognito-server.ts';
export type { CognitoAdmin } from './admin-api.ts';
export { seedDemo } from './seed-demo.ts';
export type { DemoSeed, DemoUser } from './seed-demo.ts';
export { CognitoServiceError } from './cognito-service-error.ts';
export type { Fault, FaultKind, FaultSpec } from './fault-injector.ts';
export type { RequestLogEntry } from './request-log.ts';
export type { OutboxMessage } from './outbox.ts';
export { computeSecretHash } from './secret-hash.ts';
export { formatSrpTimestamp } from './srp-timestamp.ts';
