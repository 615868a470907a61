import type { InputReader } from '../json-input.ts';
import type { PoolUser, UserPool } from '../server-model.ts';
import { serviceErrors } from '../service-errors.ts';

/** Cognito's standard attributes. https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html */
export const STANDARD_ATTRIBUTES: readonly string[] = [
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
];

export interface AttributeType {
  readonly Name: string;
  readonly Value: string;
}

/** Reads a UserAttributes list ([{Name, Value}]) and checks each name against the pool schema. */
export function readUserAttributes(pool: UserPool, list: readonly InputReader[] | undefined): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const item of list ?? []) {
    const name = item.requiredString('Name', { min: 1, max: 32 });
    checkAttributeName(pool, name);
    attributes.set(name, item.optionalString('Value', { max: 2048 }) ?? '');
  }
  return attributes;
}

/** InvalidParameterException for sub or names the pool schema does not know. */
export function checkAttributeName(pool: UserPool, name: string): void {
  if (name === 'sub') {
    throw serviceErrors.invalidParameter('Attributes did not conform to the schema: sub: Attribute cannot be updated.');
  }
  const known = STANDARD_ATTRIBUTES.includes(name) || pool.schema.some((a) => a.Name === name);
  if (!known) {
    throw serviceErrors.invalidParameter(`Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`);
  }
}

/** Required schema attributes the user has no value for. */
export function missingRequiredAttributes(pool: UserPool, attributes: ReadonlyMap<string, string>): string[] {
  return pool.schema.filter((a) => a.Required && a.Name !== 'sub' && !attributes.has(a.Name)).map((a) => a.Name);
}

/** The user's attributes as the API lists them, sub first. */
export function attributeList(user: PoolUser): AttributeType[] {
  return [{ Name: 'sub', Value: user.sub }, ...[...user.attributes].filter(([n]) => n !== 'sub').map(([Name, Value]) => ({ Name, Value }))];
}
