import { mergeAnswers, touchedSections } from './merge';
import type { PoAnswers } from './answers.schema';

describe('saving partial answers', () => {
  const saved: PoAnswers = {
    applicant: { name: '李春梅', phone: '13800138000' },
    incidents: [{ date: '2026-01-05', place: '家中' }, { date: '2026-02-01' }],
    measures: { items: ['no_violence'] },
  };

  it('objects merge deeply: a new answer joins the saved ones of the same group', () => {
    const merged = mergeAnswers(saved, { applicant: { gender: 'female' } });
    expect(merged.applicant).toEqual({ name: '李春梅', phone: '13800138000', gender: 'female' });
    expect(merged.incidents).toEqual(saved.incidents);
  });

  it('arrays replace the saved array whole', () => {
    expect(mergeAnswers(saved, { incidents: [{ place: '路上' }] }).incidents).toEqual([{ place: '路上' }]);
    expect(mergeAnswers(saved, { measures: { items: ['move_out'] } }).measures).toEqual({ items: ['move_out'] });
  });

  it('null clears an answer; a group left empty disappears', () => {
    const merged = mergeAnswers(saved, { applicant: { phone: null }, measures: { items: null } });
    expect(merged.applicant).toEqual({ name: '李春梅' });
    expect(merged).not.toHaveProperty('measures');
    expect(mergeAnswers(saved, { incidents: null })).not.toHaveProperty('incidents');
  });

  it('does not change its inputs', () => {
    const copy = structuredClone(saved);
    mergeAnswers(saved, { applicant: { name: '张' }, incidents: [] });
    expect(saved).toEqual(copy);
  });

  it('names the question groups a patch touches', () => {
    expect(touchedSections({ applicant: { name: 'x' }, court: null, urgency: undefined })).toEqual(['applicant', 'court']);
  });
});
