import type { ProfileValue, UserProfile } from './types.js';

/*
 * A profile loader is host code the views cannot vouch for: its answer is kept as given and read
 * through these, which take own entries only (an id such as `__proto__` is data, not a path into
 * the prototype) and only values that show as text.
 */

/** The user's profile in a loader's answer, when it is an object. */
export function profileOf(answer: unknown, userId: string): UserProfile | undefined {
  const profile: unknown = answer && typeof answer == 'object' && Object.hasOwn(answer, userId) ? (answer as Record<string, unknown>)[userId] : undefined;
  return profile && typeof profile == 'object' ? (profile as UserProfile) : undefined;
}

/** A field's value when it shows as text (a string, a finite number, a yes/no); else `undefined`. */
export function profileValue(profile: UserProfile | undefined, field: string): Exclude<ProfileValue, null> | undefined {
  const value: unknown = profile && Object.hasOwn(profile, field) ? profile[field] : undefined;
  return typeof value == 'string' || typeof value == 'boolean' || Number.isFinite(value) ? (value as string | number | boolean) : undefined;
}

/** The text that names a person: the name, else the email; `undefined` when neither is text. */
export function profileName(profile: UserProfile | undefined): string | undefined {
  return [profileValue(profile, 'name'), profileValue(profile, 'email')].find((text): text is string => typeof text == 'string' && text.trim() != '');
}
