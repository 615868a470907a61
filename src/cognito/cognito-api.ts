/**
 * The slice of the Cognito user-pool API (cognito-idp, 2016-04-18) that enrollment needs, as plain types that
 * mirror the JSON shapes of the API (field names as on the wire), not the SDK's types. The flow only talks to
 * this interface; aws-cognito-client.ts implements it with the AWS SDK and tests implement it in memory.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_Operations.html
 *
 * Every result also carries `serverDate`: the server's `Date` response header in ms since the epoch, when the
 * response had one, so the flow can measure clock skew. Failures are thrown as CognitoServiceError (the server
 * answered with an error) or CognitoNetworkError (no answer).
 */

/** Auth flows Keystep signs in with (both need ALLOW_<flow> in the app client's ExplicitAuthFlows). */
export type SignInFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

/** Names of the operations in {@link CognitoApi}, as the API (and X-Amz-Target) spells them. */
export type CognitoOperation =
  | 'InitiateAuth'
  | 'RespondToAuthChallenge'
  | 'AssociateSoftwareToken'
  | 'VerifySoftwareToken'
  | 'SetUserMFAPreference'
  | 'GetUser'
  | 'RevokeToken';

/** What every result adds to the API's output. */
export interface ServerDated {
  /** The response's `Date` header, ms since the epoch (1 s resolution); absent when the header was missing or hidden. */
  readonly serverDate?: number;
}

/** Tokens of a finished sign-in. */
export interface AuthenticationResult {
  readonly AccessToken?: string;
  readonly IdToken?: string;
  readonly RefreshToken?: string;
  /** Seconds. */
  readonly ExpiresIn?: number;
  readonly TokenType?: string;
}

/** InitiateAuth request. */
export interface InitiateAuthInput {
  readonly AuthFlow: SignInFlow | 'REFRESH_TOKEN_AUTH';
  readonly ClientId: string;
  /** USERNAME plus PASSWORD (USER_PASSWORD_AUTH) or SRP_A (USER_SRP_AUTH), and SECRET_HASH for clients with a secret. */
  readonly AuthParameters: Readonly<Record<string, string>>;
  readonly ClientMetadata?: Readonly<Record<string, string>>;
}

/** Output of InitiateAuth and RespondToAuthChallenge: either a next challenge or tokens. */
export interface AuthResponse extends ServerDated {
  readonly ChallengeName?: string;
  readonly Session?: string;
  readonly ChallengeParameters?: Readonly<Record<string, string>>;
  readonly AuthenticationResult?: AuthenticationResult;
}

/** The challenges Keystep answers (ChallengeName of RespondToAuthChallenge). */
export type AnsweredChallenge =
  | 'PASSWORD_VERIFIER'
  | 'NEW_PASSWORD_REQUIRED'
  | 'MFA_SETUP'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SELECT_MFA_TYPE'
  | 'SMS_MFA'
  | 'EMAIL_OTP';

/** RespondToAuthChallenge request. */
export interface RespondToAuthChallengeInput {
  readonly ClientId: string;
  readonly ChallengeName: AnsweredChallenge;
  readonly Session?: string;
  readonly ChallengeResponses: Readonly<Record<string, string>>;
  readonly ClientMetadata?: Readonly<Record<string, string>>;
}

/** Either a signed-in user's access token or an MFA_SETUP challenge session. */
export type TokenOrSession = { readonly AccessToken: string; readonly Session?: never } | { readonly Session: string; readonly AccessToken?: never };

/** AssociateSoftwareToken request. */
export type AssociateSoftwareTokenInput = TokenOrSession;

/** AssociateSoftwareToken output. */
export interface AssociateSoftwareTokenOutput extends ServerDated {
  /** Base32 TOTP secret (at least 16 characters; 52 seen for 32 bytes). */
  readonly SecretCode?: string;
  /** A fresh session when the request used one. */
  readonly Session?: string;
}

/** VerifySoftwareToken request. */
export type VerifySoftwareTokenInput = TokenOrSession & {
  /** Exactly 6 digits. */
  readonly UserCode: string;
  readonly FriendlyDeviceName?: string;
};

/** VerifySoftwareToken output. */
export interface VerifySoftwareTokenOutput extends ServerDated {
  readonly Status?: 'SUCCESS' | 'ERROR';
  /** The session to answer MFA_SETUP with, when the request used one. */
  readonly Session?: string;
}

/** Per-factor MFA settings of SetUserMFAPreference. */
export interface MfaSettings {
  readonly Enabled?: boolean;
  readonly PreferredMfa?: boolean;
}

/** SetUserMFAPreference request. */
export interface SetUserMfaPreferenceInput {
  readonly AccessToken: string;
  readonly SoftwareTokenMfaSettings?: MfaSettings;
  readonly SMSMfaSettings?: MfaSettings;
  readonly EmailMfaSettings?: MfaSettings;
}

/** SetUserMFAPreference output (the API returns `{}`). */
export type SetUserMfaPreferenceOutput = ServerDated;

/** GetUser request. */
export interface GetUserInput {
  readonly AccessToken: string;
}

/** One user attribute. */
export interface UserAttribute {
  readonly Name: string;
  readonly Value?: string;
}

/** GetUser output. */
export interface GetUserOutput extends ServerDated {
  readonly Username?: string;
  readonly UserAttributes?: readonly UserAttribute[];
  /** e.g. "SOFTWARE_TOKEN_MFA". */
  readonly PreferredMfaSetting?: string;
  readonly UserMFASettingList?: readonly string[];
}

/** RevokeToken request: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html */
export interface RevokeTokenInput {
  /** The app client the token was issued to. */
  readonly ClientId: string;
  /** The refresh token to revoke (with it, every access and ID token issued from it). */
  readonly Token: string;
  /** The app client's secret itself (not a SECRET_HASH), for clients generated with one. */
  readonly ClientSecret?: string;
}

/** RevokeToken output (the API returns an empty body). */
export type RevokeTokenOutput = ServerDated;

/** The Cognito operations the enrollment flow calls; all are unsigned (no AWS credentials). */
export interface CognitoApi {
  /** InitiateAuth: starts USER_SRP_AUTH / USER_PASSWORD_AUTH; answers tokens or a first challenge. */
  initiateAuth(input: InitiateAuthInput): Promise<AuthResponse>;
  /** RespondToAuthChallenge: answers one challenge with its single-use Session. */
  respondToAuthChallenge(input: RespondToAuthChallengeInput): Promise<AuthResponse>;
  /** AssociateSoftwareToken: creates a new (unverified) TOTP secret for the user. */
  associateSoftwareToken(input: AssociateSoftwareTokenInput): Promise<AssociateSoftwareTokenOutput>;
  /** VerifySoftwareToken: proves the secret with a code; registers the software token. */
  verifySoftwareToken(input: VerifySoftwareTokenInput): Promise<VerifySoftwareTokenOutput>;
  /** SetUserMFAPreference: enables TOTP MFA for the user and makes it preferred. */
  setUserMfaPreference(input: SetUserMfaPreferenceInput): Promise<SetUserMfaPreferenceOutput>;
  /** GetUser: the user's attributes and MFA settings. */
  getUser(input: GetUserInput): Promise<GetUserOutput>;
  /** RevokeToken: ends the sign-in session of a refresh token (the refresh token and the tokens issued from it). */
  revokeToken(input: RevokeTokenInput): Promise<RevokeTokenOutput>;
}
