// A schema for partial edits: every field optional and, unlike zod's .partial(), no defaults filled in, so an edit
// that names one field never resets the others to their defaults.
import { z } from 'zod';

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

export function changesSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, inner.optional()];
    }),
  ) as unknown as { [Key in keyof Shape]: z.ZodOptional<WithoutDefault<Shape[Key]>> };
  return z.object(fields).strict();
}
