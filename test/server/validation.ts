// A small copy of Laravel's validator, written from its rules and English messages (not from the
// extension's own schema, so the two can disagree and the tests will say so). It keeps the parts
// that decide which messages a client sees: rules run in order, an attribute that is absent (or
// null and nullable, or an empty string) skips every rule but `required`, a failed `required`
// stops that attribute, other failures accumulate, and sizes depend on the attribute's type.
import { isCalendarDate, parsePhpDate, timestampOf } from './dates';
import type { Input } from './input';
import { ValidationError } from './responses';
import { isLaravelUrl } from './url-rule';

export type Rule =
  | 'required'
  | 'nullable'
  | 'sometimes'
  | 'string'
  | 'integer'
  | 'email'
  | 'url'
  | 'date'
  | 'confirmed'
  | { in: readonly string[] }
  | { min: number }
  | { max: number }
  /** gte:<other field> */
  | { gte: string }
  /** after_or_equal:<other field or a date> */
  | { afterOrEqual: string }
  /** unique: the callback says whether the value is already taken. */
  | { unique: (value: unknown) => boolean }
  /** A closure rule: returns its own message when the value fails. */
  | { check: (value: unknown) => string | null };

export type Rules = Record<string, Rule[]>;

const MESSAGES = {
  required: 'The :attribute field is required.',
  string: 'The :attribute field must be a string.',
  integer: 'The :attribute field must be an integer.',
  email: 'The :attribute field must be a valid email address.',
  url: 'The :attribute field must be a valid URL.',
  date: 'The :attribute field must be a valid date.',
  confirmed: 'The :attribute field confirmation does not match.',
  in: 'The selected :attribute is invalid.',
  unique: 'The :attribute has already been taken.',
  'min.numeric': 'The :attribute field must be at least :min.',
  'min.string': 'The :attribute field must be at least :min characters.',
  'max.numeric': 'The :attribute field must not be greater than :max.',
  'max.string': 'The :attribute field must not be greater than :max characters.',
  'gte.numeric': 'The :attribute field must be greater than or equal to :value.',
  'gte.string': 'The :attribute field must be greater than or equal to :value characters.',
  after_or_equal: 'The :attribute field must be a date after or equal to :date.',
} as const;

/** "salary_min" reads "salary min" in a message. */
export function displayName(attribute: string): string {
  return attribute.replace(/_/g, ' ');
}

/** Validates and answers Laravel's validated(): the ruled keys that were sent, as sent. */
export function validate(data: Input, rules: Rules): Input {
  const errors: Record<string, string[]> = {};
  for (const [attribute, list] of Object.entries(rules)) {
    const present = Object.hasOwn(data, attribute);
    if (list.includes('sometimes') && !present) continue;
    const value = present ? data[attribute] : null;
    const nullable = list.includes('nullable');
    const messages: string[] = [];
    for (const rule of list) {
      if (rule === 'nullable' || rule === 'sometimes') continue;
      const implicit = rule === 'required';
      if (!implicit) {
        if (!present) continue;
        if (typeof value === 'string' && phpTrim(value) === '') continue;
        if (nullable && value === null) continue;
      }
      const message = check(rule, attribute, value, list, data);
      if (message === null) continue;
      messages.push(message);
      if (implicit) break;
    }
    if (messages.length > 0) errors[attribute] = messages;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const validated: Input = Object.create(null);
  for (const attribute of Object.keys(rules)) {
    if (Object.hasOwn(data, attribute)) validated[attribute] = data[attribute];
  }
  return validated;
}

function check(rule: Rule, attribute: string, value: unknown, rules: Rule[], data: Input) {
  const say = (template: string, replace: Record<string, string | number> = {}) => {
    let text = template.replace(':attribute', displayName(attribute));
    for (const [key, v] of Object.entries(replace)) text = text.replace(`:${key}`, String(v));
    return text;
  };
  const type = rules.includes('integer') ? 'numeric' : 'string';
  switch (rule) {
    case 'required':
      return isFilled(value) ? null : say(MESSAGES.required);
    case 'string':
      return typeof value === 'string' ? null : say(MESSAGES.string);
    case 'integer':
      return isPhpInteger(value) ? null : say(MESSAGES.integer);
    case 'email':
      return isEmail(value) ? null : say(MESSAGES.email);
    case 'url':
      return isLaravelUrl(value) ? null : say(MESSAGES.url);
    case 'date': {
      const date = parsePhpDate(value);
      return date && isCalendarDate(date) ? null : say(MESSAGES.date);
    }
    case 'confirmed':
      return value === data[`${attribute}_confirmation`] ? null : say(MESSAGES.confirmed);
    case 'nullable':
    case 'sometimes':
      return null;
  }
  if ('in' in rule) {
    const ok = (value === null || typeof value !== 'object') && rule.in.includes(phpString(value));
    return ok ? null : say(MESSAGES.in);
  }
  if ('min' in rule) {
    return sizeOf(value, type) >= rule.min ? null : say(MESSAGES[`min.${type}`], { min: rule.min });
  }
  if ('max' in rule) {
    return sizeOf(value, type) <= rule.max ? null : say(MESSAGES[`max.${type}`], { max: rule.max });
  }
  if ('gte' in rule) {
    const other = data[rule.gte] ?? null;
    if (passesGte(value, other, type)) return null;
    const shown = other === null ? displayName(rule.gte) : sizeOf(other, type);
    return say(MESSAGES[`gte.${type}`], { value: shown });
  }
  if ('afterOrEqual' in rule) {
    if (passesAfterOrEqual(value, rule.afterOrEqual, data)) return null;
    const literal = parsePhpDate(rule.afterOrEqual) !== null;
    return say(MESSAGES.after_or_equal, {
      date: literal ? rule.afterOrEqual : displayName(rule.afterOrEqual),
    });
  }
  if ('unique' in rule) return rule.unique(value) ? say(MESSAGES.unique) : null;
  return rule.check(value);
}

/** validateRequired(): not null, not a blank string, not an empty list or map. */
function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return phpTrim(value) !== '';
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function phpTrim(text: string): string {
  return text.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');
}

/** (string) $value */
function phpString(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return '1';
  return String(value);
}

const NUMERIC_STRING = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/** is_numeric() */
export function isPhpNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && NUMERIC_STRING.test(value);
}

const INT_MAX = 2n ** 63n - 1n;

/**
 * filter_var($value, FILTER_VALIDATE_INT): integers and integer strings ("5000", "-3", " 7 ")
 * within PHP's 64-bit range; not "1.5", "1e3", "007" or "abc". `true` passes (it reads "1").
 */
export function isPhpInteger(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 63;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (!/^[+-]?(0|[1-9]\d*)$/.test(text)) return false;
  const n = BigInt(text);
  return n <= INT_MAX && n >= -INT_MAX - 1n;
}

/** getSize(): the number itself for numeric attributes, else a length or a count. */
function sizeOf(value: unknown, type: 'numeric' | 'string'): number {
  if (type === 'numeric' && isPhpNumeric(value)) return Number(value);
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return [...phpString(value)].length;
}

/** gettype(), as isSameType() compares them. */
function phpType(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  if (typeof value === 'object') return 'array';
  return typeof value;
}

function passesGte(value: unknown, other: unknown, type: 'numeric' | 'string'): boolean {
  if (type === 'numeric' && isPhpNumeric(value) && isPhpNumeric(other)) {
    return Number(value) >= Number(other);
  }
  if (phpType(value) !== phpType(other)) return false;
  return sizeOf(value, type) >= sizeOf(other, type);
}

function timestamp(value: unknown): number | null {
  const date = parsePhpDate(value);
  return date ? timestampOf(date) : null;
}

/**
 * compareDates(): the parameter is a date, else the other field's value; PHP compares what it
 * could parse, and a missing other date makes the comparison pass.
 */
function passesAfterOrEqual(value: unknown, parameter: string, data: Input): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const other = timestamp(parameter) ?? timestamp(data[parameter] ?? null);
  const self = timestamp(value);
  if (other === null) return true;
  if (self === null) return other === 0;
  return self >= other;
}

// RFC 5322 addresses as egulias/email-validator's RFCValidation reads them: a dot-atom or quoted
// local part and a domain of labels (no dot required) or an address literal.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]";
const LABEL =
  '[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]{0,61}[A-Za-z0-9\\u0080-\\uFFFF])?';
const EMAIL = new RegExp(
  `^(?:${ATEXT}+(?:\\.${ATEXT}+)*|"(?:[^"\\\\\\r\\n]|\\\\.)*")@` +
    `(?:${LABEL}(?:\\.${LABEL})*|\\[(?:\\d{1,3}(?:\\.\\d{1,3}){3}|IPv6:[0-9A-Fa-f:.]+)\\])$`,
);

function isEmail(value: unknown): boolean {
  if (typeof value !== 'string' || !EMAIL.test(value)) return false;
  const domain = value.slice(value.lastIndexOf('@') + 1);
  return domain.length <= 253;
}
