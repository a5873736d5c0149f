import { useState, type Dispatch, type SetStateAction } from 'react';
import { errorMessage, toast } from '../../services/api';

/**
 * Publish / withdraw from a staff list (courses, articles, questions): one row at a time, the
 * saved row replaces the old one in the list, and the outcome is said in a toast.
 */
export function usePublishToggle<T extends { id: string; published: boolean }>(
  save: (id: string, published: boolean) => Promise<T>,
  setItems: Dispatch<SetStateAction<T[] | null>>,
  setError: (message: string) => void,
  words: { published: string; withdrawn: string },
) {
  const [busyId, setBusyId] = useState('');
  const toggle = async (row: T) => {
    if (busyId) return;
    setBusyId(row.id);
    try {
      const updated = await save(row.id, !row.published);
      setItems((all) => (all ?? []).map((x) => (x.id === updated.id ? updated : x)));
      toast(updated.published ? words.published : words.withdrawn);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusyId('');
    }
  };
  return { busyId, toggle };
}
