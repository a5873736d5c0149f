import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MediationBoard, MediationCaseDetail, MediationCaseSummary } from '@zjh/shared';
import MediationBoardPage from '../src/staff/pages/mediation/index';
import MediationCasePage from '../src/staff/pages/mediation/detail';
import RegisterMediationPage from '../src/staff/pages/mediation/register';
import { ToMediationPanel } from '../src/staff/pages/mediation/to-mediation-panel';
import { todayShanghai } from '../src/services/shanghai-time';
import Taro, { setRouterParams } from './doubles/taro';
import { center, mockApi, requestedUrls } from './helpers';

type Option = { url: string; method?: string; data?: any; header?: Record<string, string> };

const CENTER = { id: 'ctr_suixi_0000000001', name: '遂溪县12338妇联维权服务中心' };
const staffMe = { id: 'stf_0000000000001', username: 'suixi01', displayName: '陈静', role: 'center_staff', centerId: CENTER.id };
const adminMe = { id: 'stf_admin00000001', username: 'admin', displayName: '市妇联', role: 'admin', centerId: null };
const ID = 'med_000000000000001';

function summary(overrides: Partial<MediationCaseSummary> = {}): MediationCaseSummary {
  return {
    id: ID,
    ref: 'TJ-2026-0007',
    status: 'registered',
    disputeType: 'custody',
    committeeLevel: 'county_or_above',
    center: CENTER,
    mediators: [],
    partiesCount: 2,
    consentComplete: false,
    sessionsCount: 0,
    lastSessionAt: null,
    fromRequest: null,
    createdAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    outcomeAt: null,
    ...overrides,
  };
}

function detail(overrides: Partial<MediationCaseDetail> = {}): MediationCaseDetail {
  return {
    ...summary(),
    committeeName: null,
    sourceCategory: null,
    parties: [
      { id: 'pty_applicant01', role: 'applicant', roleNote: null, name: '林小梅', gender: 'female', phone: '13800138000', address: null, consent: { date: '2026-03-02', method: 'written' } },
      { id: 'pty_respondent1', role: 'respondent', roleNote: null, name: '陈大伟', gender: 'male', phone: null, address: null, consent: null },
    ],
    summary: '双方就孩子抚养费数额有争议。',
    agreement: null,
    court: null,
    judicialConfirmation: null,
    nextStatuses: ['in_mediation', 'withdrawn'],
    registeredBy: { id: staffMe.id, name: staffMe.displayName },
    ...overrides,
  };
}

function board(items: MediationCaseSummary[] = [summary()]): MediationBoard {
  return {
    items,
    nextCursor: null,
    counts: { total: 9, byStatus: { registered: 2, in_mediation: 3, agreement_reached: 1, not_reached: 1, transferred_to_court: 1, withdrawn: 1 } },
  };
}

// A fresh token per test: the signed-in profile is remembered per token.
let tokens = 0;
let token = '';
function staffSignedIn() {
  token = `staff-token-${++tokens}`;
  window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: token }));
}

const calls = (method: string, suffix: string) =>
  (Taro.request as jest.Mock).mock.calls.map(([o]) => o as Option).filter((o) => (o.method ?? 'GET') === method && new URL(o.url, 'http://x').pathname.endsWith(suffix));

const select = async (label: string, value: string) => {
  await act(async () => {
    fireEvent.change(screen.getByRole('combobox', { name: label }), { target: { value } });
  });
};

beforeEach(staffSignedIn);

describe('mediation board', () => {
  const lastQuery = () => {
    const url = requestedUrls().filter((u) => new URL(u, 'http://x').pathname === '/api/staff/mediation/cases').pop()!;
    return Object.fromEntries(new URL(url, 'http://x').searchParams);
  };

  it('turns every filter, the status chips and the TJ search into the query string', async () => {
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: adminMe } },
      'GET /api/centers': { statusCode: 200, data: { items: [center({ id: CENTER.id, name: CENTER.name })] } },
      'GET /api/staff/mediation/cases': { statusCode: 200, data: board() },
    });
    render(<MediationBoardPage />);
    await screen.findByText('TJ-2026-0007');
    expect(lastQuery()).toEqual({});

    await select('状态', 'open');
    expect(lastQuery()).toEqual({ status: 'registered,in_mediation,not_reached' });
    await select('调解组织', 'county_or_above');
    await select('纠纷类型', 'custody');
    await waitFor(() => expect(screen.getByRole('option', { name: CENTER.name })).toBeTruthy());
    await select('服务中心', CENTER.id);
    expect(lastQuery()).toEqual({ status: 'registered,in_mediation,not_reached', level: 'county_or_above', disputeType: 'custody', centerId: CENTER.id });

    // A chip replaces the status filter and keeps the others.
    await act(async () => {
      fireEvent.click(document.getElementById('count-agreement_reached')!);
    });
    expect(lastQuery()).toEqual({ status: 'agreement_reached', level: 'county_or_above', disputeType: 'custody', centerId: CENTER.id });

    fireEvent.change(screen.getByPlaceholderText(/按调解编号查找/), { target: { value: ' tj-2026-0007 ' } });
    await act(async () => {
      fireEvent.click(screen.getByText('查找'));
    });
    expect(lastQuery()).toEqual({ status: 'agreement_reached', level: 'county_or_above', disputeType: 'custody', centerId: CENTER.id, q: 'TJ-2026-0007' });
  });

  it('does not search with something that is not a TJ number, and says what to type', async () => {
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } },
      'GET /api/staff/mediation/cases': { statusCode: 200, data: board() },
    });
    render(<MediationBoardPage />);
    await screen.findByText('TJ-2026-0007');
    const before = requestedUrls().length;
    fireEvent.change(screen.getByPlaceholderText(/按调解编号查找/), { target: { value: '林小梅' } });
    await act(async () => {
      fireEvent.click(screen.getByText('查找'));
    });
    expect(screen.getByText('请输入调解编号，如 TJ-2026-0001')).toBeTruthy();
    expect(requestedUrls().length).toBe(before);
  });

  it('shows the counts per status and each row with its ref, dispute type, level, status and dates (no center column for center staff)', async () => {
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } },
      'GET /api/staff/mediation/cases': {
        statusCode: 200,
        data: board([summary(), summary({ id: 'med_2', ref: 'TJ-2026-0003', status: 'agreement_reached', disputeType: 'divorce', committeeLevel: 'community', consentComplete: true, outcomeAt: '2026-04-10T03:00:00.000Z', lastSessionAt: '2026-04-09T03:00:00.000Z', sessionsCount: 2 })]),
      },
    });
    render(<MediationBoardPage />);
    const row = (await screen.findByText('TJ-2026-0003')).closest('.md-row') as HTMLElement;
    expect(within(row).getByText('离婚')).toBeTruthy();
    expect(within(row).getByText('社区（村）调解')).toBeTruthy();
    expect(within(row).getByText('达成协议')).toBeTruthy();
    expect(within(row).getByText('2026-04-10')).toBeTruthy();
    expect(within(row).getByText('2026-04-09（共 2 次）')).toBeTruthy();
    const first = screen.getByText('TJ-2026-0007').closest('.md-row') as HTMLElement;
    expect(within(first).getByText('待同意')).toBeTruthy();
    expect(within(first).queryByText(CENTER.name)).toBeNull();
    expect(document.getElementById('count-total')!.textContent).toBe('全部 9');
    expect(document.getElementById('count-in_mediation')!.textContent).toBe('调解中 3');

    fireEvent.click(row);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/mediation/detail?id=med_2' });
  });
});

describe('registering a mediation case', () => {
  const fill = (id: string, value: string) => {
    const el = document.getElementById(id)!;
    fireEvent.change(el, { target: { value } });
  };

  it('sends the parties, dispute, committee, mediators and summary as the API takes them, with an Idempotency-Key', async () => {
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } },
      'POST /api/staff/mediation/cases': { statusCode: 201, data: { id: ID, ref: 'TJ-2026-0008', status: 'registered', center: CENTER } },
    });
    render(<RegisterMediationPage />);
    await waitFor(() => expect(screen.getByText('把我加为调解员')).toBeTruthy());

    await select('纠纷类型', 'custody');
    await select('调解组织', 'county_or_above');
    fill('md-committee-name', ' 遂溪县婚姻家庭纠纷人民调解委员会 ');
    fill('party-0-name', ' 林小梅 ');
    fill('party-0-phone', '13800138000');
    fill('party-0-address', '遂溪县遂城镇');
    fill('party-1-name', '陈大伟');
    await act(async () => {
      fireEvent.click(screen.getByText('添加其他当事人'));
    });
    fill('party-2-role-note', '母亲');
    fill('party-2-name', '王秀英');
    await act(async () => {
      fireEvent.click(screen.getByText('把我加为调解员'));
    });
    await act(async () => {
      fireEvent.click(screen.getByText('添加调解员'));
    });
    fill('mediator-1-name', '黄律师');
    const kinds = screen.getAllByRole('combobox', { name: '类型' });
    await act(async () => {
      fireEvent.change(kinds[0], { target: { value: 'social_worker' } });
      fireEvent.change(kinds[1], { target: { value: 'lawyer' } });
    });
    fill('md-summary', '双方就孩子抚养费数额有争议。');

    await act(async () => {
      fireEvent.click(screen.getByText('登记'));
    });
    const [post] = calls('POST', '/api/staff/mediation/cases');
    expect(post.data).toEqual({
      disputeType: 'custody',
      committeeLevel: 'county_or_above',
      committeeName: '遂溪县婚姻家庭纠纷人民调解委员会',
      parties: [
        { role: 'applicant', name: '林小梅', phone: '13800138000', address: '遂溪县遂城镇' },
        { role: 'respondent', name: '陈大伟' },
        { role: 'other', roleNote: '母亲', name: '王秀英' },
      ],
      mediators: [
        { name: '陈静', kind: 'social_worker', staffId: staffMe.id },
        { name: '黄律师', kind: 'lawyer' },
      ],
      summary: '双方就孩子抚养费数额有争议。',
    });
    expect(post.header?.['Idempotency-Key']).toMatch(/^med-/);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/staff/pages/mediation/detail?id=${ID}` }));
  });

  it('links a mediator to a colleague’s account chosen from the center’s staff list', async () => {
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } },
      'GET /api/staff/members': {
        statusCode: 200,
        data: { items: [{ id: 'stf_lawyer_000000009', username: 'lawyer.sx', displayName: '黄律师', role: 'lawyer', centerId: staffMe.centerId }], nextCursor: null },
      },
      'POST /api/staff/mediation/cases': { statusCode: 201, data: { id: ID, ref: 'TJ-2026-0009', status: 'registered', center: CENTER } },
    });
    render(<RegisterMediationPage />);
    await waitFor(() => expect(screen.getByText('把我加为调解员')).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByText('添加调解员'));
    });
    const account = await screen.findByRole('combobox', { name: '系统账号（可不选）' });
    await act(async () => {
      fireEvent.change(account, { target: { value: 'stf_lawyer_000000009' } });
      fireEvent.change(screen.getAllByRole('combobox', { name: '类型' })[0], { target: { value: 'lawyer' } });
    });
    expect(screen.getByDisplayValue('黄律师')).toBeTruthy(); // the name follows the chosen account
    await select('纠纷类型', 'custody');
    await select('调解组织', 'community');
    fill('party-0-name', '林小梅');
    fill('party-1-name', '陈大伟');
    fill('md-summary', '抚养费争议。');
    await act(async () => {
      fireEvent.click(screen.getByText('登记'));
    });
    const [post] = calls('POST', '/api/staff/mediation/cases');
    expect(post.data.mediators).toEqual([{ name: '黄律师', kind: 'lawyer', staffId: 'stf_lawyer_000000009' }]);
  });

  it('marks what is missing and sends nothing', async () => {
    mockApi({ 'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } } });
    render(<RegisterMediationPage />);
    await waitFor(() => expect(screen.getByText('把我加为调解员')).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByText('登记'));
    });
    expect(screen.getByText('请选择纠纷类型')).toBeTruthy();
    expect(screen.getByText('请选择调解组织')).toBeTruthy();
    expect(screen.getAllByText('请填写当事人姓名')).toHaveLength(2);
    expect(screen.getByText('请填写纠纷主要事实和争议事项')).toBeTruthy();
    expect(calls('POST', '/api/staff/mediation/cases')).toHaveLength(0);
  });

  it('opened from a request: sends fromRequestId, lets the dispute type follow the request, starts the applicant with her phone', async () => {
    setRouterParams({ fromRequestId: 'req_0000000000000001' });
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } },
      'GET /api/staff/requests/req_0000000000000001': {
        statusCode: 200,
        data: { id: 'req_0000000000000001', ref: 'ZJ-2026-000123', category: 'marriage_family', center: CENTER, contact: { name: '阿梅', phone: '13900139000', safeToCall: true, allowMessage: false } },
      },
      'POST /api/staff/mediation/cases': { statusCode: 201, data: { id: ID, ref: 'TJ-2026-0009', status: 'registered', center: CENTER } },
    });
    render(<RegisterMediationPage />);
    await screen.findByText(/由求助 ZJ-2026-000123（婚姻家庭纠纷）转入/);
    expect((document.getElementById('party-0-phone') as HTMLInputElement).value).toBe('13900139000');
    await select('调解组织', 'community');
    fill('party-0-name', '林小梅');
    fill('party-1-name', '陈大伟');
    fill('md-summary', '离婚后探望孩子的安排。');
    await act(async () => {
      fireEvent.click(screen.getByText('登记'));
    });
    const [post] = calls('POST', '/api/staff/mediation/cases');
    expect(post.data).toEqual({
      fromRequestId: 'req_0000000000000001',
      committeeLevel: 'community',
      parties: [
        { role: 'applicant', name: '林小梅', phone: '13900139000' },
        { role: 'respondent', name: '陈大伟' },
      ],
      summary: '离婚后探望孩子的安排。',
    });
  });

  it('shows the server’s field messages beside the fields', async () => {
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } },
      'POST /api/staff/mediation/cases': { statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误', details: [{ path: 'parties.1.phone', message: '请填写有效的电话号码' }] } } },
    });
    render(<RegisterMediationPage />);
    await waitFor(() => expect(screen.getByText('把我加为调解员')).toBeTruthy());
    await select('纠纷类型', 'divorce');
    await select('调解组织', 'judge_studio');
    fill('party-0-name', '林小梅');
    fill('party-1-name', '陈大伟');
    fill('party-1-phone', '12');
    fill('md-summary', '离婚');
    await act(async () => {
      fireEvent.click(screen.getByText('登记'));
    });
    const party = document.getElementById('party-1')!;
    expect(within(party).getByText('请填写有效的电话号码')).toBeTruthy();
  });
});

describe('a mediation case', () => {
  function caseApi(c: MediationCaseDetail, extra: Record<string, any> = {}) {
    setRouterParams({ id: ID });
    return mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } },
      [`GET /api/staff/mediation/cases/${ID}`]: { statusCode: 200, data: c },
      [`GET /api/staff/mediation/cases/${ID}/sessions`]: { statusCode: 200, data: { items: [], nextCursor: null } },
      [`GET /api/staff/mediation/cases/${ID}/timeline`]: {
        statusCode: 200,
        data: { items: [{ id: 'evt_1', at: '2026-03-02T02:00:00.000Z', actor: { type: 'staff', id: staffMe.id, name: '陈静' }, type: 'consent', to: '申请人', note: '2026-03-02 书面申请/同意书', visibility: 'internal' }], nextCursor: null },
      },
      ...extra,
    });
  }

  it('says whose consent is missing, and on 409 CONSENT_MISSING shows the server’s message without reloading', async () => {
    caseApi(detail(), {
      [`POST /api/staff/mediation/cases/${ID}/transitions`]: {
        statusCode: 409,
        data: { error: { code: 'CONSENT_MISSING', message: '开始调解前须记录被申请人同意调解', details: { missing: [{ partyId: 'pty_respondent1', role: 'respondent' }] } } },
      },
    });
    render(<MediationCasePage />);
    await screen.findByText('开始调解前须记录被申请人 陈大伟同意调解');
    expect(screen.getByText('记录申请人同意调解')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByText('开始调解'));
    });
    await act(async () => {
      fireEvent.click(screen.getByText('确认开始调解'));
    });
    const [post] = calls('POST', '/transitions');
    expect(post.data).toEqual({ to: 'in_mediation' });
    expect(document.getElementById('md-move-error')!.textContent).toBe('开始调解前须记录被申请人同意调解');
    expect(calls('GET', `/cases/${ID}`)).toHaveLength(1);
  });

  it('records a party’s consent with its date and method', async () => {
    const after = detail();
    after.parties[1] = { ...after.parties[1], consent: { date: todayShanghai(), method: 'phone' } };
    caseApi(detail(), { [`POST /api/staff/mediation/cases/${ID}/consents`]: { statusCode: 200, data: { ...after, consentComplete: true } } });
    render(<MediationCasePage />);
    await screen.findByText('尚未记录同意调解');
    await act(async () => {
      fireEvent.click(document.getElementById('consent-open-1')!);
    });
    await select('同意方式', 'phone');
    await act(async () => {
      fireEvent.click(document.getElementById('consent-1-save')!);
    });
    const [post] = calls('POST', '/consents');
    expect(post.data).toEqual({ partyId: 'pty_respondent1', date: todayShanghai(), method: 'phone' });
    await screen.findByText(`已同意调解 · ${todayShanghai()} · 电话确认`);
    expect(screen.queryByText(/开始调解前须记录/)).toBeNull();
  });

  it('records an agreement as numbered clauses (blank ones dropped), performance, copies and signing date', async () => {
    const reached = detail({ status: 'agreement_reached', nextStatuses: [], agreement: { clauses: ['孩子由女方抚养。', '男方每月支付抚养费 1500 元。'], performance: '每月 5 日前转账。', copies: 3, signedOn: '2026-04-10' } });
    caseApi(detail({ status: 'in_mediation', consentComplete: true, nextStatuses: ['agreement_reached', 'not_reached', 'transferred_to_court', 'withdrawn'] }), {
      [`POST /api/staff/mediation/cases/${ID}/transitions`]: { statusCode: 200, data: reached },
    });
    render(<MediationCasePage />);
    const target = await screen.findByText('达成协议');
    await act(async () => {
      fireEvent.click(target);
    });
    expect(screen.getByText('一、')).toBeTruthy();
    fireEvent.change(document.getElementById('clause-0')!, { target: { value: ' 孩子由女方抚养。 ' } });
    await act(async () => {
      fireEvent.click(screen.getByText('添加一条'));
    });
    fireEvent.change(document.getElementById('clause-1')!, { target: { value: '男方每月支付抚养费 1500 元。' } });
    await act(async () => {
      fireEvent.click(screen.getByText('添加一条'));
    });
    expect(screen.getByText('三、')).toBeTruthy();
    fireEvent.change(document.getElementById('agreement-performance')!, { target: { value: '每月 5 日前转账。' } });
    fireEvent.change(document.getElementById('agreement-copies')!, { target: { value: '3' } });
    fireEvent.change(document.getElementById('agreement-signed')!, { target: { value: '2026-04-10' } });
    await act(async () => {
      fireEvent.click(screen.getByText('确认达成协议'));
    });
    const [post] = calls('POST', '/transitions');
    expect(post.data).toEqual({
      to: 'agreement_reached',
      agreement: { clauses: ['孩子由女方抚养。', '男方每月支付抚养费 1500 元。'], performance: '每月 5 日前转账。', copies: 3, signedOn: '2026-04-10' },
    });
    await screen.findByText('一、孩子由女方抚养。');
    expect(screen.getByText('二、男方每月支付抚养费 1500 元。')).toBeTruthy();
    expect(screen.getByText('下载调解协议书（.docx）')).toBeTruthy();
    expect(screen.getByText('记录司法确认申请')).toBeTruthy();
  });

  it('will not send an agreement without clauses or performance', async () => {
    caseApi(detail({ status: 'in_mediation', consentComplete: true, nextStatuses: ['agreement_reached'] }));
    render(<MediationCasePage />);
    const target = await screen.findByText('达成协议');
    await act(async () => {
      fireEvent.click(target);
    });
    await act(async () => {
      fireEvent.click(screen.getByText('确认达成协议'));
    });
    expect(screen.getByText('请至少填写一条协议条款')).toBeTruthy();
    expect(screen.getByText('请填写履行方式、时限')).toBeTruthy();
    expect(calls('POST', '/transitions')).toHaveLength(0);
  });

  it('asks for a reason before 未达成协议, and sends the court and case number when transferring', async () => {
    caseApi(detail({ status: 'in_mediation', consentComplete: true, nextStatuses: ['agreement_reached', 'not_reached', 'transferred_to_court', 'withdrawn'] }), {
      [`POST /api/staff/mediation/cases/${ID}/transitions`]: { statusCode: 200, data: detail({ status: 'transferred_to_court', nextStatuses: [], court: { name: '遂溪县人民法院', caseNumber: '(2026)粤0823诉前调1号' } }) },
    });
    render(<MediationCasePage />);
    const target = await screen.findByText('未达成协议');
    await act(async () => {
      fireEvent.click(target);
    });
    await act(async () => {
      fireEvent.click(screen.getByText('确认未达成协议'));
    });
    expect(screen.getByText('请填写原因')).toBeTruthy();
    expect(calls('POST', '/transitions')).toHaveLength(0);

    await act(async () => {
      fireEvent.click(screen.getByText('转法院诉前联调'));
    });
    fireEvent.change(document.getElementById('court-name')!, { target: { value: '遂溪县人民法院' } });
    fireEvent.change(document.getElementById('court-case')!, { target: { value: '(2026)粤0823诉前调1号' } });
    await act(async () => {
      fireEvent.click(screen.getByText('确认转法院诉前联调'));
    });
    expect(calls('POST', '/transitions')[0].data).toEqual({ to: 'transferred_to_court', court: { name: '遂溪县人民法院', caseNumber: '(2026)粤0823诉前调1号' } });
    await screen.findByText('遂溪县人民法院 · 案号 (2026)粤0823诉前调1号');
  });

  it('records a session with its time (Asia/Shanghai), form and who attended', async () => {
    caseApi(detail({ status: 'in_mediation', consentComplete: true, mediators: [{ id: 'mdr_000001', staffId: null, name: '黄律师', kind: 'lawyer' }], nextStatuses: ['agreement_reached'] }), {
      [`POST /api/staff/mediation/cases/${ID}/sessions`]: { statusCode: 201, data: {} },
    });
    render(<MediationCasePage />);
    const target = await screen.findByText('记录一次调解');
    await act(async () => {
      fireEvent.click(target);
    });
    fireEvent.change(document.getElementById('session-date')!, { target: { value: '2026-03-05' } });
    fireEvent.change(document.getElementById('session-time')!, { target: { value: '09:30' } });
    await select('调解形式', 'separate');
    fireEvent.click(document.getElementById('session-party-0')!);
    fireEvent.click(document.getElementById('session-party-1')!);
    fireEvent.click(document.getElementById('session-mediator-0')!);
    fireEvent.change(document.getElementById('session-notes')!, { target: { value: '分别听取了双方意见。' } });
    await act(async () => {
      fireEvent.click(screen.getByText('保存调解记录'));
    });
    expect(calls('POST', '/sessions')[0].data).toEqual({
      at: '2026-03-05T09:30:00+08:00',
      form: 'separate',
      attendedPartyIds: ['pty_applicant01', 'pty_respondent1'],
      attendedMediatorIds: ['mdr_000001'],
      notes: '分别听取了双方意见。',
    });
    await waitFor(() => expect(calls('GET', '/sessions')).toHaveLength(2));
  });

  it('records 司法确认 after an agreement', async () => {
    const reached = detail({ status: 'agreement_reached', nextStatuses: [], agreement: { clauses: ['孩子由女方抚养。'], performance: '即时履行。', copies: 3, signedOn: '2026-04-10' } });
    caseApi(reached, {
      [`PUT /api/staff/mediation/cases/${ID}/judicial-confirmation`]: { statusCode: 200, data: { ...reached, judicialConfirmation: { appliedOn: '2026-04-12', court: '遂溪县人民法院', result: 'pending', decidedOn: null, note: null } } },
    });
    render(<MediationCasePage />);
    const target = await screen.findByText('记录司法确认申请');
    await act(async () => {
      fireEvent.click(target);
    });
    fireEvent.change(document.getElementById('jc-applied')!, { target: { value: '2026-04-12' } });
    fireEvent.change(document.getElementById('jc-court')!, { target: { value: '遂溪县人民法院' } });
    await act(async () => {
      fireEvent.click(screen.getByText('保存司法确认'));
    });
    expect(calls('PUT', '/judicial-confirmation')[0].data).toEqual({ appliedOn: '2026-04-12', court: '遂溪县人民法院', result: 'pending' });
    await screen.findByText('遂溪县人民法院 · 2026-04-12 申请');
  });

  describe('the 调解协议书', () => {
    afterEach(() => {
      delete (global as { fetch?: unknown }).fetch;
    });

    it('downloads with an authenticated fetch handed to the browser as a file', async () => {
      caseApi(detail({ status: 'agreement_reached', nextStatuses: [], agreement: { clauses: ['孩子由女方抚养。'], performance: '即时履行。', copies: 3, signedOn: '2026-04-10' } }));
      const blob = new Blob(['PK']);
      const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: true, status: 200, blob: async () => blob, text: async () => '' }));
      (global as { fetch?: unknown }).fetch = fetchMock;
      const created = jest.fn(() => 'blob:agreement');
      Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
      const clicked: string[] = [];
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this.download);
      });
      render(<MediationCasePage />);
      const target = await screen.findByText('下载调解协议书（.docx）');
      await act(async () => {
        fireEvent.click(target);
      });
      expect(fetchMock).toHaveBeenCalledWith(`/api/staff/mediation/cases/${ID}/agreement.docx`, { headers: { Authorization: `Bearer ${token}` } });
      expect(created).toHaveBeenCalledWith(blob);
      expect(clicked).toEqual(['人民调解协议书-TJ-2026-0007.docx']);
      click.mockRestore();
    });
  });
});

describe('转入调解 on a help request', () => {
  it('opens the mediation form for that request', () => {
    render(<ToMediationPanel requestId='req_0000000000000001' timeline={[]} />);
    fireEvent.click(screen.getByText('转入调解'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/mediation/register?fromRequestId=req_0000000000000001' });
  });

  it('names the case instead once one was opened from it', () => {
    render(
      <ToMediationPanel
        requestId='req_0000000000000001'
        timeline={[{ id: 'evt_9', at: '2026-03-02T02:00:00.000Z', actor: { type: 'staff', id: staffMe.id, name: '陈静' }, type: 'mediation_opened', to: 'TJ-2026-0007', visibility: 'internal' }]}
      />,
    );
    expect(screen.getByText('已转入调解案件 TJ-2026-0007，在“调解案件”中办理。')).toBeTruthy();
    expect(screen.queryByText('转入调解')).toBeNull();
  });
});
