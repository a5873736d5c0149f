import { distanceKm } from './geo';
import { CenterService, RequestCategory, StaffRole } from './enums';

describe('great-circle distance', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lat: 21.271, lng: 110.359 };
    const b = { lat: 21.441, lng: 110.779 };
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 10);
  });

  it('matches known distances (one degree of latitude ≈ 111.2 km; Zhanjiang station → Wuchuan ≈ 47 km)', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111.2, 0);
    const km = distanceKm({ lat: 21.271, lng: 110.359 }, { lat: 21.441, lng: 110.779 });
    expect(km).toBeGreaterThan(45);
    expect(km).toBeLessThan(49);
  });
});

describe('fixed codes', () => {
  it('are the contract codes, each with a Chinese label', () => {
    expect(RequestCategory.codes).toEqual(['domestic_violence', 'marriage_family', 'child_rights', 'protection_order', 'legal', 'psychological', 'other']);
    expect(StaffRole.codes).toEqual(['admin', 'center_staff', 'counselor', 'lawyer', 'mediator', 'educator']);
    expect(CenterService.codes).toEqual(['psychological', 'legal', 'family_education', 'mediation', 'protection_order', 'classes']);
    for (const label of Object.values(RequestCategory.labels)) expect(label).toMatch(/[\u4e00-\u9fa5]/);
  });
});
