import type { FieldProblem } from '../errors';
import type { PoAnswers } from './answers.schema';

const filled = (v: unknown): boolean => (typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null);

/**
 * Everything still missing before the application can go to the court, in interview order: one
 * entry per missing answer, with its dotted path and what to fill in (zh-CN). Empty = complete.
 * The evidence checklist is optional: the court can order protection on her statement alone.
 */
export function missingAnswers(a: PoAnswers): FieldProblem[] {
  const out: FieldProblem[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) out.push({ path, message });
  };

  const filer = a.filer ?? {};
  need(filled(filer.by), 'filer.by', '请选择由谁提出申请（本人或代为申请）');
  if (filer.by && filer.by !== 'self') {
    const agent = filer.agent ?? {};
    need(filled(filer.reason), 'filer.reason', '代为申请时，请说明申请人本人为何不能申请');
    need(filled(agent.name), 'filer.agent.name', filer.by === 'close_relative' ? '请填写代为申请的近亲属姓名' : '请填写代为申请的单位名称');
    if (filer.by === 'close_relative') need(filled(agent.relation), 'filer.agent.relation', '请填写代为申请人与申请人的关系');
    need(filled(agent.phone), 'filer.agent.phone', '请填写代为申请人的联系电话');
  }

  const applicant = a.applicant ?? {};
  need(filled(applicant.name), 'applicant.name', '请填写申请人姓名');
  need(filled(applicant.gender), 'applicant.gender', '请选择申请人性别');
  need(filled(applicant.birthDate), 'applicant.birthDate', '请填写申请人出生日期');
  need(filled(applicant.phone), 'applicant.phone', '请填写申请人联系电话');
  need(filled(applicant.confidentialAddress), 'applicant.confidentialAddress', '请说明住址是否需要保密');
  if (applicant.confidentialAddress === true) {
    need(filled(applicant.confidentialAddressText), 'applicant.confidentialAddressText', '请填写需要保密的现住址（只提交给法院，不写进申请书）');
  } else {
    need(filled(applicant.address), 'applicant.address', '请填写申请人住址');
  }

  const respondent = a.respondent ?? {};
  need(filled(respondent.name), 'respondent.name', '请填写对方姓名');
  need(filled(respondent.gender), 'respondent.gender', '请选择对方性别');
  need(filled(respondent.approxAge), 'respondent.approxAge', '请填写对方的大概年龄');
  need(filled(respondent.address), 'respondent.address', '请填写对方住址（知道多少写多少）');

  const relationship = a.relationship ?? {};
  need(filled(relationship.type), 'relationship.type', '请选择与对方的关系');
  if (relationship.type === 'other' || relationship.type === 'other_family') {
    need(filled(relationship.detail), 'relationship.detail', '请说明与对方的具体关系');
  }

  const incidents = a.incidents ?? [];
  need(incidents.length > 0, 'incidents', '请至少描述一次发生的事情');
  incidents.forEach((incident, i) => {
    need(filled(incident.date), `incidents.${i}.date`, `第 ${i + 1} 次：请填写日期`);
    need(filled(incident.place), `incidents.${i}.place`, `第 ${i + 1} 次：请填写地点`);
    need((incident.types ?? []).length > 0, `incidents.${i}.types`, `第 ${i + 1} 次：请选择发生了哪类事情`);
    need(filled(incident.description), `incidents.${i}.description`, `第 ${i + 1} 次：请简单写下经过`);
  });

  need(filled(a.children?.involved), 'children.involved', '请说明是否涉及子女');

  const measures = a.measures ?? {};
  need((measures.items ?? []).length > 0, 'measures.items', '请至少选择一项希望法院采取的措施');
  if (measures.items?.includes('other')) need(filled(measures.otherText), 'measures.otherText', '请写明其他保护措施');

  need(filled(a.urgency?.urgent), 'urgency.urgent', '请说明情况是否紧急');
  if (a.urgency?.urgent === true) need(filled(a.urgency.reason), 'urgency.reason', '请说明为什么紧急');

  need(filled(a.court?.name), 'court.name', '请选择向哪个法院申请');
  need(filled(a.court?.basis), 'court.basis', '请选择向该法院申请的依据（居住地或发生地）');

  need(a.consent?.sensitive === true, 'consent.sensitive', '提交前须同意处理敏感个人信息');
  return out;
}
