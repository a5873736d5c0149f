import type { MyProtectionOrder, PoAnswers, StaffPoDetail, StaffPoSummary } from '@zjh/shared';

export const PO_ID = 'po_000000000000000001';

/** Everything a complete application holds (before consent). */
export const COMPLETE: PoAnswers = {
  filer: { by: 'self' },
  applicant: { name: '李春梅', gender: 'female', birthDate: '1990-05-01', phone: '13800138000', confidentialAddress: true, confidentialAddressText: '吴川市某某路 8 号' },
  respondent: { name: '王强', gender: 'male', approxAge: 38, address: '吴川市梅菉街道某某村' },
  relationship: { type: 'spouse' },
  incidents: [{ date: '2026-11-20', place: '家里', types: ['physical'], description: '他喝酒后打了我' }],
  children: { involved: false },
  measures: { items: ['no_violence'] },
  urgency: { urgent: false },
  court: { name: '吴川市人民法院', basis: 'applicant_residence' },
};

export function mine(overrides: Partial<MyProtectionOrder> = {}): MyProtectionOrder {
  return {
    id: PO_ID,
    status: 'draft',
    answers: {},
    missing: [],
    editable: true,
    editableSections: null,
    center: null,
    files: [],
    evidenceBytes: 0,
    filing: null,
    decision: null,
    delivery: null,
    extendsId: null,
    messages: [],
    events: [{ at: '2026-12-01T01:00:00.000Z', type: 'created' }],
    createdAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
    submittedAt: null,
    ...overrides,
  };
}

export const WUCHUAN = { id: 'ctr_wuchuan_00000001', name: '吴川市12338妇联维权服务中心', phone: '0759-5000001' };

export function staffSummary(overrides: Partial<StaffPoSummary> = {}): StaffPoSummary {
  return {
    id: PO_ID,
    status: 'submitted',
    applicant: '李**',
    urgent: false,
    center: { id: WUCHUAN.id, name: WUCHUAN.name },
    court: '吴川市人民法院',
    submittedAt: '2026-12-01T02:00:00.000Z',
    filedAt: null,
    decisionDueAt: null,
    overdue: false,
    validTo: null,
    expiringSoon: false,
    expired: false,
    extendsId: null,
    extendedById: null,
    canExtend: false,
    nextStatuses: ['under_review', 'needs_info', 'withdrawn'],
    updatedAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  };
}

export function staffDetail(overrides: Partial<StaffPoDetail> = {}): StaffPoDetail {
  return {
    ...staffSummary(),
    answers: { ...COMPLETE, consent: { sensitive: true } },
    missing: [],
    editableSections: null,
    files: [],
    filing: null,
    decision: null,
    delivery: null,
    notify: false,
    hasClientAccount: true,
    timeline: [
      { id: 'evt_1', at: '2026-12-01T01:00:00.000Z', actor: { type: 'user', id: 'usr_1', name: '申请人' }, type: 'created', to: 'draft', visibility: 'client' },
      { id: 'evt_2', at: '2026-12-01T02:00:00.000Z', actor: { type: 'user', id: 'usr_1', name: '申请人' }, type: 'status', from: 'draft', to: 'submitted', visibility: 'client' },
    ],
    accessLog: [],
    ...overrides,
  };
}
