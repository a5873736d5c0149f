import { ZPoAnswers, type PoAnswers } from './answers.schema';
import { missingAnswers } from './completeness';

const complete: PoAnswers = {
  filer: { by: 'self' },
  applicant: { name: '李春梅', gender: 'female', birthDate: '1990-04-12', phone: '13800138000', address: '湛江市赤坎区某路 1 号', confidentialAddress: false },
  respondent: { name: '王大力', gender: 'male', approxAge: 38, address: '湛江市赤坎区某路 1 号' },
  relationship: { type: 'spouse' },
  incidents: [{ date: '2026-01-05', place: '家中客厅', types: ['physical', 'threats'], description: '他喝酒后打了我，并说要杀了我。' }],
  children: { involved: true, count: 1 },
  measures: { items: ['no_violence', 'no_harassment_contact'] },
  urgency: { urgent: false },
  court: { name: '赤坎区人民法院', basis: 'applicant_residence' },
  consent: { sensitive: true },
};
const paths = (a: PoAnswers) => missingAnswers(a).map((p) => p.path);

describe('protection-order completeness check', () => {
  it('a complete application has nothing missing', () => {
    expect(ZPoAnswers.parse(complete)).toEqual(complete);
    expect(missingAnswers(complete)).toEqual([]);
  });

  it('an empty draft lists every required answer, each with a Chinese message', () => {
    const missing = missingAnswers({});
    expect(missing.map((m) => m.path)).toEqual([
      'filer.by', 'applicant.name', 'applicant.gender', 'applicant.birthDate', 'applicant.phone', 'applicant.confidentialAddress', 'applicant.address',
      'respondent.name', 'respondent.gender', 'respondent.approxAge', 'respondent.address', 'relationship.type', 'incidents', 'children.involved',
      'measures.items', 'urgency.urgent', 'court.name', 'court.basis', 'consent.sensitive',
    ]);
    for (const m of missing) expect(m.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('blank text counts as missing', () => {
    expect(paths({ ...complete, applicant: { ...complete.applicant, name: '   ' } })).toEqual(['applicant.name']);
  });

  it('a confidential address replaces the ordinary address as the required one', () => {
    const secret = { ...complete, applicant: { ...complete.applicant, address: undefined, confidentialAddress: true } };
    expect(paths(secret)).toEqual(['applicant.confidentialAddressText']);
    expect(paths({ ...secret, applicant: { ...secret.applicant, confidentialAddressText: '某镇某村' } })).toEqual([]);
  });

  it('applying on her behalf needs the reason and who applies; a close relative also the relation', () => {
    expect(paths({ ...complete, filer: { by: 'womens_federation' } })).toEqual(['filer.reason', 'filer.agent.name', 'filer.agent.phone']);
    expect(paths({ ...complete, filer: { by: 'close_relative', reason: '她被控制无法外出', agent: { name: '李母', phone: '13900139000' } } })).toEqual(['filer.agent.relation']);
  });

  it('each incompletely described incident is listed by its position', () => {
    const a = { ...complete, incidents: [complete.incidents![0], { date: '2026-02-01' }] };
    expect(paths(a)).toEqual(['incidents.1.place', 'incidents.1.types', 'incidents.1.description']);
    expect(missingAnswers(a)[0].message).toContain('第 2 次');
  });

  it('"other" needs its explanation: relationship, measures; urgency needs a reason', () => {
    expect(paths({ ...complete, relationship: { type: 'other' }, measures: { items: ['other'] }, urgency: { urgent: true } })).toEqual([
      'relationship.detail', 'measures.otherText', 'urgency.reason',
    ]);
  });

  it('the evidence checklist is optional', () => {
    expect(paths({ ...complete, evidence: undefined })).toEqual([]);
  });
});
