import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid } from './app.exception';

function collect(errors: ValidationError[], prefix = '', out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints);
    if (e.children?.length) collect(e.children, path, out);
  }
  return out;
}

/**
 * Control characters (NUL and the rest of C0, and DEL) have no place in any text a person
 * writes; tab, line feed and carriage return do. Postgres cannot even store NUL.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The paths of every string in `value` (an argument, an input object, a list) that holds a control character. */
export function controlCharacterFields(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => controlCharacterFields(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) controlCharacterFields(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/**
 * The one input rule for every argument of every operation and route: text without control
 * characters, then class-validator on the input types. Failures are VALIDATION_FAILED with the
 * fields named, before any service runs.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type !== 'custom') {
      const fields = controlCharacterFields(value, metadata.data ?? '');
      if (fields.length) {
        const message = 'contains a control character (such as a NUL byte); remove it';
        throw invalid(
          `Check the input — ${fields.map((f) => `${f || 'the text'}: ${message}`).join(' · ')}`,
          Object.fromEntries(fields.map((f) => [f || 'input', [message]])),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

/** Validates every argument (see InputValidationPipe); failures become VALIDATION_FAILED with the fields named. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      const first = Object.entries(fields).map(([f, m]) => `${f}: ${m.join('; ')}`);
      return invalid(`Check the input — ${first.join(' · ')}`, fields);
    },
  });
}
