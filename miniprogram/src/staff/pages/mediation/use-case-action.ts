import type { MediationCaseDetail } from '@zjh/shared';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../services/api';
import { fieldErrorsOf, type FieldErrors } from '../../../services/field-errors';

export interface CasePanelProps {
  c: MediationCaseDetail;
  /** The case as the server returned it after an action. */
  onChanged: (next: MediationCaseDetail) => void;
  /** Someone else changed it meanwhile (409): load it again. */
  onStale: () => void;
}

/** Runs one action on a case: busy while it runs; the server's message and field problems on failure. */
export function useCaseAction({ onChanged, onStale }: Pick<CasePanelProps, 'onChanged' | 'onStale'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const run = async (action: () => Promise<MediationCaseDetail | void>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError('');
    setErrors({});
    try {
      const next = await action();
      if (next) onChanged(next);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      setErrors(fieldErrorsOf(e));
      // A missing consent is not a stale page: the message says what to record first.
      if (e instanceof ApiError && e.status === 409 && e.code !== 'CONSENT_MISSING') onStale();
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, errors, setErrors, run };
}

/** Only set while busy: Taro H5 renders disabled="false", which its own CSS treats as disabled. */
export function busyProps(busy: boolean) {
  return busy ? { loading: true, disabled: true } : {};
}
