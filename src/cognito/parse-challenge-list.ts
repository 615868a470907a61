/**
 * Reads a ChallengeParameters value that holds a JSON array of strings *as a string*, e.g. MFAS_CAN_SETUP
 * '["SOFTWARE_TOKEN_MFA"]', MFAS_CAN_CHOOSE, or requiredAttributes '["userAttributes.name"]'.
 * Malformed or missing values read as an empty list (the caller then fails with a clear problem).
 */
export function parseChallengeList(value: string | undefined): readonly string[] {
  if (value === undefined || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
