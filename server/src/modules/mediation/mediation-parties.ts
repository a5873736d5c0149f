import type { DataSource } from 'typeorm';
import type { FieldProblem, MediationPartyInput, MediatorInput } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { StaffEntity } from '../auth/auth.entity';
import type { MediationMediatorEntity, StoredParty } from './mediation.entity';

/**
 * Builds the stored party list from input. A party sent with the id of an existing party keeps its
 * id (sessions refer to it) and its recorded consent unless the input records a new one.
 */
export function buildParties(input: MediationPartyInput[], existing: StoredParty[]): StoredParty[] {
  const known = new Map(existing.map((p) => [p.id, p]));
  const problems: FieldProblem[] = [];
  const parties = input.map((p, i): StoredParty => {
    const before = p.id ? known.get(p.id) : undefined;
    if (p.id && !before) problems.push({ path: `parties.${i}.id`, message: '该当事人不存在' });
    return {
      id: before?.id ?? newId(),
      role: p.role,
      roleNote: p.roleNote ?? null,
      name: p.name,
      gender: p.gender ?? null,
      phone: p.phone ?? null,
      address: p.address ?? null,
      consent: p.consent ?? before?.consent ?? null,
    };
  });
  if (problems.length) throw AppError.badRequest(problems);
  return parties;
}

/**
 * Checks the staff accounts named as mediators: active, of the case's center, not the city admin
 * (who sees every case anyway). Returns the rows to store, keeping the ids of unchanged mediators.
 */
export async function buildMediators(
  ds: DataSource,
  caseId: string,
  centerId: string,
  input: MediatorInput[],
  existing: MediationMediatorEntity[],
): Promise<MediationMediatorEntity[]> {
  const ids = input.map((m) => m.staffId).filter((x): x is string => Boolean(x));
  const staff = ids.length ? await ds.getRepository(StaffEntity).findBy(ids.map((id) => ({ id }))) : [];
  const byId = new Map(staff.map((s) => [s.id, s]));
  const problems: FieldProblem[] = [];
  const kept = new Set<string>();
  const rows = input.map((m, i): MediationMediatorEntity => {
    if (m.staffId) {
      const s = byId.get(m.staffId);
      if (!s || !s.active || s.role === 'admin' || s.centerId !== centerId) {
        problems.push({ path: `mediators.${i}.staffId`, message: '只能指派本中心在岗的工作人员' });
      }
    }
    const same = existing.find((e) => !kept.has(e.id) && (m.staffId ? e.staffId === m.staffId : !e.staffId && e.name === m.name && e.kind === m.kind));
    if (same) kept.add(same.id);
    return { id: same?.id ?? newId(), caseId, staffId: m.staffId ?? null, name: m.name, kind: m.kind, sortOrder: i };
  });
  if (problems.length) throw AppError.badRequest(problems);
  return rows;
}
