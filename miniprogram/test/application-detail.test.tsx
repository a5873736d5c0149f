import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ApplicationDetailPage from '../src/pages/applications/detail';
import Taro, { setRouterParams } from './doubles/taro';
import { mockApi } from './helpers';
import { COMPLETE, mine, PO_ID, WUCHUAN } from './po-fixtures';

type Option = { url: string; method?: string; data?: any };
const ONE = `/api/protection-orders/${PO_ID}`;

function signedIn() {
  window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'her-token' }));
}

/** Only Date is faked: promises and timers keep running. */
function at(iso: string) {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
  });
}

const filed = mine({
  status: 'filed',
  answers: COMPLETE,
  editable: false,
  center: WUCHUAN,
  submittedAt: '2026-12-01T02:00:00.000Z',
  filing: { court: '吴川市人民法院', filedAt: '2026-12-02T01:00:00.000Z', caseNumber: '（2026）粤0883民保令12号', urgent: false, decisionDueAt: '2026-12-05T01:00:00.000Z', overdue: false },
  events: [
    { at: '2026-12-01T01:00:00.000Z', type: 'created' },
    { at: '2026-12-01T02:00:00.000Z', type: 'status', to: 'submitted' },
    { at: '2026-12-02T01:00:00.000Z', type: 'status', to: 'filed' },
  ],
  messages: [{ id: 'evt_9', at: '2026-12-02T01:05:00.000Z', from: 'staff', body: '已经帮你递交法院了，有消息会告诉你。' }],
});

async function renderDetail(params: Record<string, string> = {}) {
  setRouterParams({ id: PO_ID, ...params });
  render(<ApplicationDetailPage />);
  await screen.findByText(/申请进展/);
}

afterEach(() => {
  jest.useRealTimers();
  delete (global as { fetch?: unknown }).fetch;
});

describe('her application after submitting (pages/applications/detail)', () => {
  it('once filed: the status in plain words, the court and case number, and the court’s decision clock', async () => {
    signedIn();
    at('2026-12-03T03:00:00.000Z');
    mockApi({ [`GET ${ONE}`]: { statusCode: 200, data: filed } });
    await renderDetail();
    expect(screen.getByText('如果你现在有危险，请立即拨打 110')).toBeTruthy();
    expect(document.getElementById('status')!.textContent).toBe('已向法院提交申请');
    expect(screen.getByText('案号：（2026）粤0883民保令12号')).toBeTruthy();
    const clock = document.getElementById('decision-clock')!;
    expect(within(clock).getByText('法院应在 2026-12-05 09:00 前作出决定')).toBeTruthy();
    expect(within(clock).getByText(/72 小时内（反家庭暴力法第二十八条）· 还剩 1 天 22 小时/)).toBeTruthy();
    expect(clock.className).not.toContain('ap-clock--overdue');
    expect(screen.getByText('已经帮你递交法院了，有消息会告诉你。')).toBeTruthy();
    expect(screen.getByText('已向法院提交申请', { selector: '.ap-event__text' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `拨打 ${WUCHUAN.phone}` }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '07595000001' });
  });

  it('an overdue decision clock says so, in red', async () => {
    signedIn();
    at('2026-12-05T04:00:00.000Z');
    mockApi({ [`GET ${ONE}`]: { statusCode: 200, data: { ...filed, filing: { ...filed.filing!, overdue: true } } } });
    await renderDetail();
    const clock = document.getElementById('decision-clock')!;
    expect(clock.className).toContain('ap-clock--overdue');
    expect(within(clock).getByText(/已超时 3 小时 0 分/)).toBeTruthy();
    expect(within(clock).getByText(/已超过时限，服务中心会跟进/)).toBeTruthy();
  });

  it('downloads the 申请书 with an authenticated fetch handed to the browser as a file', async () => {
    signedIn();
    mockApi({ [`GET ${ONE}`]: { statusCode: 200, data: filed } });
    const blob = new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: true, status: 200, blob: async () => blob, text: async () => '' }));
    (global as { fetch?: unknown }).fetch = fetchMock;
    const created = jest.fn((_b: Blob) => 'blob:petition');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const clicks: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    await renderDetail();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '下载申请书' }));
    });
    expect(fetchMock).toHaveBeenCalledWith(`${ONE}/petition.docx`, { headers: { Authorization: 'Bearer her-token' } });
    expect(created).toHaveBeenCalledWith(blob);
    expect(clicks).toHaveLength(1);
    expect(clicks[0].download).toBe('申请书.docx');
    expect(clicks[0].href).toBe('blob:petition');
    expect(screen.getByText(/保密的住址不会出现在申请书里/)).toBeTruthy();
    click.mockRestore();
  });

  it('when staff need more: 需要补充材料 with their message, and 去补充 opens the first reopened step', async () => {
    signedIn();
    mockApi({
      [`GET ${ONE}`]: {
        statusCode: 200,
        data: mine({
          status: 'needs_info',
          answers: COMPLETE,
          center: WUCHUAN,
          editableSections: ['incidents', 'evidence'],
          messages: [{ id: 'evt_3', at: '2026-12-02T01:00:00.000Z', from: 'staff', body: '请补充最近一次发生的日期和地点。' }],
        }),
      },
    });
    await renderDetail();
    const needs = document.getElementById('needs-info')!;
    expect(within(needs).getByText('需要补充材料')).toBeTruthy();
    expect(within(needs).getByText('请补充最近一次发生的日期和地点。')).toBeTruthy();
    expect(within(needs).getByText('需要补充的部分：发生了什么、证据')).toBeTruthy();
    fireEvent.click(within(needs).getByRole('button', { name: '去补充' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/applications/form?id=${PO_ID}&step=incidents` });
  });

  it('she replies to staff from the message box', async () => {
    signedIn();
    const request = mockApi({
      [`GET ${ONE}`]: { statusCode: 200, data: filed },
      [`POST ${ONE}/messages`]: (o: Option) => ({
        statusCode: 201,
        data: { ...filed, messages: [...filed.messages, { id: 'evt_10', at: '2026-12-03T01:00:00.000Z', from: 'me', body: o.data.body }] },
      }),
    });
    await renderDetail();
    fireEvent.change(document.getElementById('reply')!, { target: { value: '好的，谢谢' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '发送' }));
    });
    const post = request.mock.calls.map(([o]) => o as Option).find((o) => o.method === 'POST')!;
    expect(post.data).toEqual({ body: '好的，谢谢' });
    expect(screen.getByText('好的，谢谢')).toBeTruthy();
    expect((document.getElementById('reply') as HTMLTextAreaElement).value).toBe('');
  });

  it('a granted order shows its number, measures and validity, and warns when it ends soon, and where it was delivered', async () => {
    signedIn();
    const granted = mine({
      status: 'delivered',
      answers: COMPLETE,
      editable: false,
      decision: {
        outcome: 'granted',
        decidedAt: '2026-12-03T01:00:00.000Z',
        orderNumber: '（2026）粤0883民保令12号',
        measures: ['no_violence', 'no_harassment_contact'],
        otherMeasureText: null,
        validFrom: '2026-12-03',
        validTo: '2027-06-02',
        expiringSoon: true,
        expired: false,
        reason: null,
        reconsiderationUntil: null,
      },
      delivery: { policeStation: '梅菉派出所', policeDeliveredOn: '2026-12-04', committee: '某某村民委员会', committeeDeliveredOn: '2026-12-04' },
    });
    mockApi({ [`GET ${ONE}`]: { statusCode: 200, data: granted } });
    await renderDetail();
    expect(screen.getByText('法院已作出保护令，文号 （2026）粤0883民保令12号')).toBeTruthy();
    expect(screen.getByText('· 禁止对方骚扰、跟踪、接触我和我的近亲属')).toBeTruthy();
    expect(screen.getByText('有效期：2026-12-03 至 2027-06-02')).toBeTruthy();
    expect(screen.getByText(/保护令将于 2027-06-02 到期。如果仍需要保护，请联系服务中心帮你申请延长/)).toBeTruthy();
    expect(screen.getByText('已送达 梅菉派出所（2026-12-04）')).toBeTruthy();
  });

  it('a rejection shows the reason and the five-day reconsideration deadline', async () => {
    signedIn();
    const rejected = mine({
      status: 'rejected',
      answers: COMPLETE,
      editable: false,
      decision: {
        outcome: 'rejected',
        decidedAt: '2026-12-03T01:00:00.000Z',
        orderNumber: null,
        measures: null,
        otherMeasureText: null,
        validFrom: null,
        validTo: null,
        expiringSoon: false,
        expired: false,
        reason: '现有证据不足以证明存在家庭暴力的现实危险',
        reconsiderationUntil: '2026-12-08T01:00:00.000Z',
      },
    });
    mockApi({ [`GET ${ONE}`]: { statusCode: 200, data: rejected } });
    await renderDetail();
    expect(document.getElementById('status')!.textContent).toBe('法院驳回申请');
    expect(screen.getByText('理由：现有证据不足以证明存在家庭暴力的现实危险')).toBeTruthy();
    expect(screen.getByText(/可以在 2026-12-08 09:00 前向作出决定的法院申请复议一次（第三十一条）/)).toBeTruthy();
  });

  it('she can withdraw before the court has it', async () => {
    signedIn();
    const submitted = mine({ status: 'submitted', answers: COMPLETE, editable: false, center: WUCHUAN });
    const request = mockApi({
      [`GET ${ONE}`]: { statusCode: 200, data: submitted },
      [`POST ${ONE}/withdraw`]: { statusCode: 200, data: { ...submitted, status: 'withdrawn' } },
    });
    await renderDetail();
    fireEvent.click(document.getElementById('withdraw')!);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认撤回' }));
    });
    expect(request.mock.calls.some(([o]) => (o as Option).method === 'POST' && (o as Option).url.endsWith('/withdraw'))).toBe(true);
    expect(document.getElementById('status')!.textContent).toBe('已撤回');
  });
});
