import { ValidationError, ValidationPipe } from '@nestjs/common';
import { invalid } from './app.exception';

function collect(errors: ValidationError[], prefix = '', out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints);
    if (e.children?.length) collect(e.children, path, out);
  }
  return out;
}

/** Validates every @InputType with class-validator; failures become VALIDATION_FAILED with the fields named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
