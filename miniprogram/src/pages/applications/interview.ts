import {
  PoCourtBasis,
  PoEvidenceKind,
  PoFiler,
  PoGender,
  PoIncidentType,
  PoMeasure,
  PoRelationship,
  type FieldProblem,
  type PoAnswers,
  type PoSection,
  type PoStatus,
} from '@zjh/shared';

/*
 * The interview as data: its steps, which saved part of the answers each step writes, where a
 * missing answer is asked, what a patch for the server looks like, and a plain summary of each part.
 * Pure functions, shared by her interview, her review page and the back office.
 */

export type StepKey = PoSection | 'address' | 'review';
export type SectionKey = keyof PoAnswers;

export interface StepDef {
  key: StepKey;
  title: string;
  /** The saved part of the answers this step writes (the address step writes part of `applicant`). */
  section: PoSection | null;
}

export const STEPS: StepDef[] = [
  { key: 'filer', title: '由谁来申请？', section: 'filer' },
  { key: 'applicant', title: '申请人的基本信息', section: 'applicant' },
  { key: 'respondent', title: '对方的情况', section: 'respondent' },
  { key: 'relationship', title: '申请人和对方是什么关系？', section: 'relationship' },
  { key: 'incidents', title: '发生了什么？', section: 'incidents' },
  { key: 'children', title: '有没有涉及孩子？', section: 'children' },
  { key: 'evidence', title: '有哪些证据？', section: 'evidence' },
  { key: 'measures', title: '希望法院怎样保护申请人？', section: 'measures' },
  { key: 'urgency', title: '情况紧急吗？', section: 'urgency' },
  { key: 'court', title: '向哪个法院申请？', section: 'court' },
  { key: 'address', title: '申请人的住址', section: 'applicant' },
  { key: 'review', title: '检查并提交', section: null },
];

export const STEP_KEYS = STEPS.map((s) => s.key);

export function isStepKey(value: unknown): value is StepKey {
  return typeof value === 'string' && (STEP_KEYS as string[]).includes(value);
}

export function stepIndex(key: StepKey): number {
  return STEP_KEYS.indexOf(key);
}

export function stepDef(key: StepKey): StepDef {
  return STEPS[stepIndex(key)] ?? STEPS[0];
}

const ADDRESS_FIELDS = ['applicant.address', 'applicant.confidentialAddress', 'applicant.confidentialAddressText'];

/** The step that asks for the answer at a dotted path (`incidents.0.date` → incidents). */
export function stepOfPath(path: string): StepKey {
  if (ADDRESS_FIELDS.some((p) => path === p || path.startsWith(`${p}.`))) return 'address';
  const head = path.split('.')[0];
  return isStepKey(head) && head !== 'address' && head !== 'review' ? head : 'review';
}

/** Where to resume: the first step with something missing, else the review page. */
export function resumeStep(missing: FieldProblem[]): StepKey {
  const steps = missing.map((m) => stepOfPath(m.path)).filter((s) => s !== 'review');
  if (steps.length === 0) return 'review';
  return steps.sort((a, b) => stepIndex(a) - stepIndex(b))[0];
}

/** Missing answers grouped by the step that asks for them, in interview order. */
export function missingByStep(missing: FieldProblem[]): Array<{ step: StepDef; items: FieldProblem[] }> {
  const groups = new Map<StepKey, FieldProblem[]>();
  for (const m of missing) {
    const key = stepOfPath(m.path);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return STEPS.filter((s) => groups.has(s.key)).map((step) => ({ step, items: groups.get(step.key)! }));
}

/** Whether she may change this step now: a draft is open; when staff asked for more, only what they reopened. */
export function isStepOpen(step: StepKey, status: PoStatus, editableSections: PoSection[] | null): boolean {
  if (step === 'review') return true;
  if (status === 'draft') return true;
  if (status !== 'needs_info') return false;
  const section = stepDef(step).section;
  return editableSections === null || (section !== null && editableSections.includes(section));
}

/** The first step staff reopened, for the "补充材料" button. */
export function firstOpenStep(editableSections: PoSection[] | null): StepKey {
  if (editableSections === null) return STEPS[0].key;
  return STEPS.find((s) => s.section && editableSections.includes(s.section))?.key ?? 'review';
}

/** Text as it is saved: trimmed, and an emptied field becomes null so the server clears it. */
function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? cleanValue(v) : v));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === undefined ? null : cleanValue(v)]));
  }
  return value;
}

/**
 * The PATCH body for the parts she changed: each part sent whole (objects merge on the server, a
 * cleared field is sent as null, the incident list replaces the saved one).
 */
export function sectionPatch(answers: PoAnswers, sections: Iterable<SectionKey>): PoAnswers {
  const out: Record<string, unknown> = {};
  for (const key of sections) {
    const value = answers[key];
    out[key] = value === undefined ? null : cleanValue(value);
  }
  return out as PoAnswers;
}

const filled = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null);
const or = (v: unknown, fallback = '未填写') => (filled(v) ? String(v) : fallback);
const yesNo = (v: boolean | null | undefined, yes: string, no: string) => (v === true ? yes : v === false ? no : '未填写');
const labelOf = <T extends string>(labels: Record<T, string>, code: T | null | undefined) => (code ? (labels[code] ?? code) : '未填写');

/** A plain summary of what a step holds, one line per answer (review page, locked steps, back office). */
export function summaryLines(step: StepKey, a: PoAnswers): string[] {
  switch (step) {
    case 'filer': {
      const f = a.filer ?? {};
      if (!f.by) return ['未填写'];
      if (f.by === 'self') return [PoFiler.labels.self];
      const agent = f.agent ?? {};
      return [
        PoFiler.labels[f.by],
        `代为申请人：${or(agent.name)}${agent.relation ? `（${agent.relation}）` : ''}${agent.contactPerson ? `，经办人 ${agent.contactPerson}` : ''}`,
        `联系电话：${or(agent.phone)}`,
        ...(agent.address ? [`地址：${agent.address}`] : []),
        `原因：${or(f.reason)}`,
      ];
    }
    case 'applicant': {
      const p = a.applicant ?? {};
      return [
        `姓名：${or(p.name)}`,
        `性别：${labelOf(PoGender.labels, p.gender)}`,
        `出生日期：${or(p.birthDate)}`,
        `身份证号：${or(p.idNumber, '未填（可不填）')}`,
        `联系电话：${or(p.phone)}`,
      ];
    }
    case 'address': {
      const p = a.applicant ?? {};
      if (p.confidentialAddress === true) return ['住址需要保密：不写进申请书，只交给法院', `保密住址：${or(p.confidentialAddressText)}`];
      if (p.confidentialAddress === false) return ['住址不需要保密', `住址：${or(p.address)}`];
      return ['未填写'];
    }
    case 'respondent': {
      const r = a.respondent ?? {};
      return [
        `姓名：${or(r.name)}`,
        `性别：${labelOf(PoGender.labels, r.gender)}`,
        `大概年龄：${filled(r.approxAge) ? `${r.approxAge} 岁` : '未填写'}`,
        `住址：${or(r.address)}`,
        ...(r.phone ? [`电话：${r.phone}`] : []),
        ...(r.workplace ? [`工作单位：${r.workplace}`] : []),
      ];
    }
    case 'relationship': {
      const r = a.relationship ?? {};
      return [`${labelOf(PoRelationship.labels, r.type)}${r.detail ? `（${r.detail}）` : ''}`];
    }
    case 'incidents': {
      const list = a.incidents ?? [];
      if (list.length === 0) return ['还没有填写'];
      return list.map(
        (x, i) =>
          `第 ${i + 1} 次：${or(x.date, '日期未填')} · ${or(x.place, '地点未填')} · ${
            (x.types ?? []).map((t) => PoIncidentType.labels[t]).join('、') || '类型未选'
          }${x.description ? ` · ${x.description}` : ''}`,
      );
    }
    case 'children': {
      const c = a.children ?? {};
      if (c.involved === true) return [`涉及孩子${c.count ? ` ${c.count} 人` : ''}`, ...(c.note ? [c.note] : [])];
      return [yesNo(c.involved, '涉及孩子', '不涉及孩子')];
    }
    case 'evidence': {
      const e = a.evidence ?? {};
      const has = PoEvidenceKind.codes.filter((k) => e[k]?.has === true).map((k) => `${PoEvidenceKind.labels[k]}${e[k]?.note ? `（${e[k]?.note}）` : ''}`);
      return has.length ? has : ['暂无（证据不是必须的，可以以后补充）'];
    }
    case 'measures': {
      const m = a.measures ?? {};
      const items = (m.items ?? []).map((x) => (x === 'other' && m.otherText ? `${PoMeasure.labels.other}：${m.otherText}` : PoMeasure.labels[x]));
      return items.length ? items : ['未选择'];
    }
    case 'urgency': {
      const u = a.urgency ?? {};
      if (u.urgent === true) return ['情况紧急，请法院 24 小时内作出决定', `原因：${or(u.reason)}`];
      return [yesNo(u.urgent, '情况紧急', '不属于紧急情况（法院 72 小时内作出决定）')];
    }
    case 'court': {
      const c = a.court ?? {};
      return [or(c.name, '未选择法院'), `依据：${labelOf(PoCourtBasis.labels, c.basis)}`];
    }
    default:
      return [];
  }
}
