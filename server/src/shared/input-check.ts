import { isCodiceFiscale, isPartitaIva } from '@sportello/schemas';
import { DomainError, type FieldError } from './domain-error.js';
import { translator } from './i18n.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export { isUuid } from './ids.js';

/** A 16-character personal codice fiscale, uppercase, or null. */
export function normalizeFiscalCode(value: string): string | null {
  const cf = value.trim().toUpperCase();
  return cf.length === 16 && isCodiceFiscale(cf) ? cf : null;
}

/** One admin input's problems, each with a JSON pointer and a localized message (messages in identity.field.*). */
export class InputCheck {
  private readonly problems: Array<{ pointer: string; code: string; params: Record<string, unknown> }> = [];
  constructor(private readonly language: string) {}

  add(pointer: string, code: string, params: Record<string, unknown> = {}): void {
    this.problems.push({ pointer, code, params });
  }

  text(pointer: string, value: string, max = 200): string {
    const v = value.trim();
    if (!v) this.add(pointer, 'required');
    else if (v.length > max) this.add(pointer, 'tooLong', { max });
    return v;
  }

  email(pointer: string, value: string): string {
    const v = value.trim().toLowerCase();
    if (!EMAIL.test(v) || v.length > 254) this.add(pointer, 'email');
    return v;
  }

  fiscalCode(pointer: string, value: string): string {
    const cf = normalizeFiscalCode(value);
    if (!cf) this.add(pointer, 'fiscalCode');
    return cf ?? value;
  }

  partitaIva(pointer: string, value: string): string {
    const v = value.trim();
    if (!/^\d{11}$/.test(v) || !isPartitaIva(v)) this.add(pointer, 'partitaIva');
    return v;
  }

  pattern(pointer: string, value: string, re: RegExp, code: string): string {
    const v = value.trim();
    if (!re.test(v)) this.add(pointer, code);
    return v;
  }

  nonEmpty<T>(pointer: string, values: T[]): T[] {
    if (values.length === 0) this.add(pointer, 'atLeastOne');
    return [...new Set(values)];
  }

  fieldErrors(): FieldError[] {
    const t = translator(this.language);
    return this.problems.map((p) => ({ pointer: p.pointer, code: p.code, message: t(`identity.field.${p.code}`, p.params) }));
  }

  /** Throws BAD_USER_INPUT with every problem found, or returns. */
  done(): void {
    if (this.problems.length) throw new DomainError('BAD_USER_INPUT', 'identity.invalidInput', { count: this.problems.length }, this.fieldErrors());
  }
}

/** A unique value already taken: CONFLICT, pointing at the field. */
export function duplicate(language: string, pointer: string, what: string): DomainError {
  const check = new InputCheck(language);
  check.add(pointer, 'duplicate');
  return new DomainError('CONFLICT', 'error.duplicate', { what }, check.fieldErrors());
}
