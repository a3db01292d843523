// Resolver payloads are checked with zod; a bad one is refused naming the field.
import type { z } from 'zod';
import { invalid } from './envelope';

export function parsePayload<T extends z.ZodTypeAny>(schema: T, payload: unknown): z.infer<T> {
  const result = schema.safeParse(payload ?? {});
  if (result.success) return result.data;
  throw invalid(
    result.error.issues.map((issue) => ({
      path: issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(root)',
      message: issue.message,
    })),
    'payload',
  );
}
