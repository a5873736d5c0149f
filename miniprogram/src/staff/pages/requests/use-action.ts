import type { StaffRequestDetail } from '@zjh/shared';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../services/api';

export interface PanelProps {
  request: StaffRequestDetail;
  /** The request as the server returned it after an action. */
  onChanged: (next: StaffRequestDetail) => void;
  /** Someone else changed it meanwhile (409): load it again. */
  onStale: () => void;
}

/** Runs one back-office action: busy while it runs, the server's message (409 included) on failure. */
export function useAction({ onChanged, onStale }: Pick<PanelProps, 'onChanged' | 'onStale'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (action: () => Promise<StaffRequestDetail>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError('');
    try {
      onChanged(await action());
      return true;
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) onStale();
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** Only set while busy: Taro H5 renders disabled="false", which its own CSS treats as disabled. */
export function busyProps(busy: boolean) {
  return busy ? { loading: true, disabled: true } : {};
}
