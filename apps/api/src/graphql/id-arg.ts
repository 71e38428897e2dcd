import { PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { invalid } from './app.exception';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is refused as VALIDATION_FAILED before it reaches the database. */
class UuidPipe implements PipeTransform {
  constructor(private readonly name: string) {}
  transform(value: unknown) {
    if (value === undefined || value === null) return value;
    if (typeof value !== 'string' || !UUID.test(value))
      throw invalid(`${this.name} must be an id (a UUID)`, { [this.name]: ['not an id'] });
    return value.toLowerCase();
  }
}

/** An `ID!` argument, validated. */
export const IdArg = (name: string) => Args(name, { type: () => ID }, new UuidPipe(name));
/** An optional `ID` argument, validated when given. */
export const OptionalIdArg = (name: string) => Args(name, { type: () => ID, nullable: true }, new UuidPipe(name));
