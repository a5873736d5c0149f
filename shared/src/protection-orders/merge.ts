import type { PoAnswers } from './answers.schema';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Saves a partial answer onto the saved ones: objects merge key by key (deeply), arrays replace the
 * saved array whole (an incident list is sent complete), `null` removes a saved answer, and an
 * absent key leaves it as it was. Pure: neither argument is changed.
 */
export function mergeAnswers(saved: PoAnswers, patch: PoAnswers): PoAnswers {
  return mergeObjects(saved as Record<string, unknown>, patch as Record<string, unknown>) as PoAnswers;
}

function mergeObjects(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else if (isPlainObject(value)) {
      const merged = mergeObjects(isPlainObject(out[key]) ? (out[key] as Record<string, unknown>) : {}, value);
      if (Object.keys(merged).length === 0) delete out[key];
      else out[key] = merged;
    } else out[key] = Array.isArray(value) ? stripNulls(value) : value;
  }
  return out;
}

/** Array items are stored as sent, minus null fields (a null in a fresh item means "not answered"). */
function stripNulls(items: unknown[]): unknown[] {
  return items.map((item) => (isPlainObject(item) ? mergeObjects({}, item) : item));
}

/** The top-level parts a patch touches (the interview's question groups, plus settings). */
export function touchedSections(patch: PoAnswers): string[] {
  return Object.entries(patch as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}
