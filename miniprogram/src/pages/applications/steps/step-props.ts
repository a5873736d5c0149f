import type { PoAnswers } from '@zjh/shared';
import { errorFor, type FieldErrors } from '../../../services/field-errors';
import type { SectionKey } from '../interview';

/** What every question group receives: the answers, a way to change one part, the server's field messages. */
export interface StepProps {
  answers: PoAnswers;
  update: <K extends SectionKey>(key: K, value: PoAnswers[K]) => void;
  errors: FieldErrors;
  /** A field lost focus: a good moment to save. */
  onBlur?: () => void;
}

/** The server's message for a field or anything below it. */
export function errorOf(errors: FieldErrors, path: string): string | undefined {
  return errorFor(errors, path);
}
