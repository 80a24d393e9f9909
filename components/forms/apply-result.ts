import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { Result } from '@/lib/errors';

/** Puts a service's field errors next to their fields and its message at the top of the form. */
export function applyResult<F extends FieldValues, T>(form: UseFormReturn<F>, result: Result<T>): result is { ok: true; data: T } {
  if (result.ok) return true;
  for (const [field, message] of Object.entries(result.error.fields ?? {})) {
    form.setError(field as Path<F>, { message });
  }
  form.setError('root', { message: result.error.message });
  return false;
}
