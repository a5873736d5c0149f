import type { CenterService, RequestCategory } from '../enums';

/**
 * Which center service a request category needs when the nearest center is chosen. The server
 * assigns with it; the client uses the same table to name the center before she sends.
 */
export const SERVICE_FOR_CATEGORY: Record<RequestCategory, CenterService | undefined> = {
  domestic_violence: 'legal',
  marriage_family: 'mediation',
  child_rights: 'legal',
  protection_order: 'protection_order',
  legal: 'legal',
  psychological: 'psychological',
  other: undefined,
};

/** The city station (湛江站, the 12338 hotline), which takes requests with neither location nor district. */
export const DEFAULT_CENTER_CODE = 'zj-station';
