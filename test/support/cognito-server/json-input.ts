import { serviceErrors } from './service-errors.ts';

/** Bounds checked on a string member, as the botocore model declares them. */
export interface StringConstraints {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  /** Shown in the pattern message instead of the RegExp source. */
  readonly patternText?: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** AWS names members in validation messages in lowerCamelCase ("Value null at 'clientId' ..."). */
function memberPath(prefix: string, name: string): string {
  const member = name.charAt(0).toLowerCase() + name.slice(1);
  return prefix === '' ? member : `${prefix}.${member}`;
}

function validationError(detail: string) {
  return serviceErrors.invalidParameter(`1 validation error detected: ${detail}`);
}

/**
 * Reads a JSON request body member by member with the checks AWS applies before an operation runs:
 * a wrong JSON type is a SerializationException, a missing required member or a broken constraint is an
 * InvalidParameterException "1 validation error detected: ...". String values are never echoed (they may be
 * passwords, codes or tokens); enum values are.
 */
export class InputReader {
  private constructor(
    private readonly fields: Readonly<Record<string, unknown>>,
    private readonly path: string,
  ) {}

  /** Wraps a whole request body; anything but a JSON object is a SerializationException. */
  static root(input: unknown): InputReader {
    if (!isPlainObject(input)) {
      throw serviceErrors.serialization('The request body must be a JSON object');
    }
    return new InputReader(input, '');
  }

  private raw(name: string): unknown {
    return Object.hasOwn(this.fields, name) ? this.fields[name] : undefined;
  }

  private typeError(name: string, expected: string) {
    return serviceErrors.serialization(`Unexpected value type for ${name}: expected ${expected}`);
  }

  optionalString(name: string, constraints: StringConstraints = {}): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.typeError(name, 'string');
    const at = memberPath(this.path, name);
    if (constraints.min !== undefined && value.length < constraints.min) {
      throw validationError(`Value at '${at}' failed to satisfy constraint: Member must have length greater than or equal to ${constraints.min}`);
    }
    if (constraints.max !== undefined && value.length > constraints.max) {
      throw validationError(`Value at '${at}' failed to satisfy constraint: Member must have length less than or equal to ${constraints.max}`);
    }
    if (constraints.pattern !== undefined && !constraints.pattern.test(value)) {
      const shown = constraints.patternText ?? constraints.pattern.source;
      throw validationError(`Value at '${at}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shown}`);
    }
    return value;
  }

  requiredString(name: string, constraints: StringConstraints = {}): string {
    const value = this.optionalString(name, constraints);
    if (value === undefined) {
      throw validationError(`Value null at '${memberPath(this.path, name)}' failed to satisfy constraint: Member must not be null`);
    }
    return value;
  }

  optionalEnum<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.optionalString(name);
    if (value === undefined) return undefined;
    const found = values.find((v) => v === value);
    if (found === undefined) {
      throw validationError(
        `Value '${value}' at '${memberPath(this.path, name)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
      );
    }
    return found;
  }

  requiredEnum<T extends string>(name: string, values: readonly T[]): T {
    const value = this.optionalEnum(name, values);
    if (value === undefined) {
      throw validationError(`Value null at '${memberPath(this.path, name)}' failed to satisfy constraint: Member must not be null`);
    }
    return value;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw this.typeError(name, 'boolean');
    return value;
  }

  optionalInteger(name: string, bounds: { readonly min?: number; readonly max?: number } = {}): number | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.typeError(name, 'integer');
    const at = memberPath(this.path, name);
    if (bounds.min !== undefined && value < bounds.min) {
      throw validationError(`Value '${value}' at '${at}' failed to satisfy constraint: Member must have value greater than or equal to ${bounds.min}`);
    }
    if (bounds.max !== undefined && value > bounds.max) {
      throw validationError(`Value '${value}' at '${at}' failed to satisfy constraint: Member must have value less than or equal to ${bounds.max}`);
    }
    return value;
  }

  optionalObject(name: string): InputReader | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) throw this.typeError(name, 'object');
    return new InputReader(value, memberPath(this.path, name));
  }

  optionalObjectList(name: string): InputReader[] | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw this.typeError(name, 'list');
    const at = memberPath(this.path, name);
    return value.map((item: unknown, index) => {
      if (!isPlainObject(item)) throw this.typeError(`${name}[${index}]`, 'object');
      return new InputReader(item, `${at}.${index + 1}.member`);
    });
  }

  optionalStringList(name: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
      throw this.typeError(name, 'list of strings');
    }
    return value;
  }

  /** A map of string to string, such as AuthParameters or ChallengeResponses. */
  optionalStringMap(name: string): Readonly<Record<string, string>> | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (!isPlainObject(value)) throw this.typeError(name, 'map');
    const result: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
      // JSON.stringify drops undefined; explicit nulls are treated as absent, as the SDKs do.
      if (item === null) continue;
      if (typeof item !== 'string') throw this.typeError(`${name}.${key}`, 'string');
      result[key] = item;
    }
    return result;
  }
}
