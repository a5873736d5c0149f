import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Districts } from '@zjh/shared';
import HelpPage from '../src/pages/help/index';
import { resetTemplateIds } from '../src/services/subscribe';
import Taro from './doubles/taro';
import { center, mockApi, requestedUrls, storageWrites, type FakeResponse } from './helpers';

type Option = { url: string; method?: string; data?: any; header?: Record<string, string> };

const station = center({ id: 'ctr_station_00000001', code: 'zj-station', name: '广东省妇女维权与信息服务站（湛江站）', district: '赤坎区', phone: '0759-12338' });
const wuchuan = center({ id: 'ctr_wuchuan_00000001', code: 'wuchuan', name: '吴川市12338妇联维权服务中心', district: '吴川市', phone: '0759-5000001' });
const created = { id: 'req_0000000000000001', ref: 'ZJ-2026-000123', status: 'new', center: { id: wuchuan.id, name: wuchuan.name, phone: wuchuan.phone } };

function centersApi(extra: Record<string, FakeResponse | ((o: Option) => FakeResponse)> = {}) {
  return mockApi({
    'GET /api/centers': (o) => {
      const district = new URL(o.url, 'http://localhost').searchParams.get('district');
      return { statusCode: 200, data: { items: district === '吴川市' ? [wuchuan] : district ? [] : [station, wuchuan], nextCursor: null } };
    },
    'GET /api/centers/nearest': { statusCode: 200, data: { center: wuchuan, distanceKm: 0.4 } },
    'POST /api/auth/device': { statusCode: 200, data: { token: 'her-token', user: { id: 'usr_1' } } },
    ...extra,
  });
}

function posts(request: jest.Mock): Option[] {
  return request.mock.calls.map(([o]) => o as Option).filter((o) => o.method === 'POST' && o.url.endsWith('/api/requests'));
}

/** Renders the form and waits for the first center preview (the city station, before she says where she is). */
async function renderPage() {
  render(<HelpPage />);
  await waitFor(() => expect(document.querySelector('.help-center__name')).toBeTruthy());
}

async function fillMinimum() {
  // Choosing a category looks the center up again (the category decides the service needed).
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '家庭暴力' }));
  });
  fireEvent.change(document.getElementById('description')!, { target: { value: '他昨晚又动手了，我想知道怎么办。' } });
}

function consent() {
  fireEvent.click(document.getElementById('consent')!);
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
  });
}

beforeEach(() => {
  resetTemplateIds();
});

describe('我要求助 form', () => {
  it('keeps 提交 disabled until she gives the separate sensitive-information consent, and links to the privacy notice', async () => {
    const request = centersApi();
    await renderPage();
    await fillMinimum();
    const button = screen.getByRole('button', { name: '提交' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(posts(request)).toHaveLength(0);

    expect(screen.getByText(/敏感个人信息，仅用于为我提供帮助/)).toBeTruthy();
    fireEvent.click(screen.getByText('阅读《个人信息保护说明》'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });

    consent();
    expect(button.disabled).toBe(false);
    consent();
    expect(button.disabled).toBe(true);
  });

  it('an anonymous request sends no contact, says so, and shows the ref, the center with its phone and what happens next', async () => {
    const request = centersApi({ 'POST /api/requests': { statusCode: 201, data: created } });
    await renderPage();
    expect(screen.getByText(station.name)).toBeTruthy(); // without location: the city station
    await fillMinimum();
    consent();
    await submit();

    const [post] = posts(request);
    expect(post.data).toEqual({ category: 'domestic_violence', description: '他昨晚又动手了，我想知道怎么办。', persons: 1, consent: { sensitive: true } });
    expect(post.data.contact).toBeUndefined();
    expect(post.header?.['Idempotency-Key']).toMatch(/^req-/);
    expect(post.header?.Authorization).toBe('Bearer her-token');

    expect(await screen.findByText('ZJ-2026-000123')).toBeTruthy();
    expect(screen.getByText(wuchuan.name)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `拨打 ${wuchuan.phone}` }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '07595000001' });
    expect(screen.getByText(/1 小时内受理；其他求助在 1 个工作日内受理/)).toBeTruthy();
    expect(screen.getByText(/你没有留下联系方式/)).toBeTruthy();
    expect(screen.getByText(/请立即拨打 110/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '查看我的求助' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/my-requests/index?id=${created.id}` });
    // Nothing she wrote was kept on the device: only the session token.
    expect(storageWrites()).toEqual(['zjh_token']);
    expect(JSON.stringify(window.localStorage)).not.toContain('动手');
  });

  it('with her location it previews the nearest center offering the category’s service, and sends the coarse location', async () => {
    Taro.getLocation.mockResolvedValue({ latitude: 21.4412345, longitude: 110.7798765 });
    const request = centersApi({ 'POST /api/requests': { statusCode: 201, data: created } });
    await renderPage();
    await fillMinimum();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '使用我的位置' }));
    });

    expect(await screen.findByText(wuchuan.name)).toBeTruthy();
    expect(screen.getByText(/约 0.4 公里/)).toBeTruthy();
    expect(screen.getByText(`提交后由「${wuchuan.name}」为你提供帮助。`)).toBeTruthy();
    const nearest = requestedUrls().map((u) => new URL(u, 'http://localhost')).find((u) => u.pathname === '/api/centers/nearest')!;
    expect(Object.fromEntries(nearest.searchParams)).toEqual({ lat: '21.441', lng: '110.78', service: 'legal' });

    consent();
    await submit();
    expect(posts(request)[0].data.location).toEqual({ lat: 21.441, lng: 110.78 });
    expect(posts(request)[0].data.district).toBeUndefined();
  });

  it('with a district it previews that district’s center before sending', async () => {
    const request = centersApi({ 'POST /api/requests': { statusCode: 201, data: created } });
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: '婚姻家庭纠纷' }));
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: '选择所在区县' }), { target: { value: String(Districts.indexOf('吴川市')) } });
    });
    expect(await screen.findByText(wuchuan.name)).toBeTruthy();
    expect(screen.getByText('所在区县：吴川市')).toBeTruthy();
    expect(requestedUrls()).toContain(`/api/centers?district=${encodeURIComponent('吴川市')}&service=mediation`);

    fireEvent.change(document.getElementById('description')!, { target: { value: '离婚后孩子抚养费的问题' } });
    consent();
    await submit();
    expect(posts(request)[0].data).toMatchObject({ category: 'marriage_family', district: '吴川市' });
  });

  it('a retry after a lost answer sends the same Idempotency-Key and the same body', async () => {
    let attempt = 0;
    const request = centersApi({
      'POST /api/requests': () => {
        attempt += 1;
        if (attempt === 1) throw new Error('connection dropped');
        return { statusCode: 201, data: created };
      },
    });
    await renderPage();
    await fillMinimum();
    consent();
    await submit();
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    await submit();
    expect(await screen.findByText('ZJ-2026-000123')).toBeTruthy();

    const [first, second] = posts(request);
    expect(second.header?.['Idempotency-Key']).toBe(first.header?.['Idempotency-Key']);
    expect(second.data).toEqual(first.data);
  });

  it('shows the server’s field errors next to the fields they belong to', async () => {
    centersApi({
      'POST /api/requests': {
        statusCode: 400,
        data: {
          error: {
            code: 'VALIDATION_FAILED',
            message: '提交的内容有误，请检查标注的字段',
            details: [
              { path: 'contact.phone', message: '请填写有效的电话号码' },
              { path: 'description', message: '描述不能超过 5000 字' },
            ],
          },
        },
      },
    });
    await renderPage();
    await fillMinimum();
    fireEvent.click(screen.getByRole('button', { name: '请联系我' }));
    fireEvent.change(document.getElementById('contact-phone')!, { target: { value: '12' } });
    consent();
    await submit();

    const phoneError = await screen.findByText('请填写有效的电话号码');
    expect(phoneError.closest('.help-contact')).toBeTruthy();
    expect(screen.getByText('描述不能超过 5000 字').closest('#field-description')).toBeTruthy();
    expect(screen.getByText('提交的内容有误，请检查标注的字段')).toBeTruthy();
  });

  it('checks the category, the description and the phone before sending', async () => {
    const request = centersApi();
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: '请联系我' }));
    consent();
    await submit();
    expect(screen.getByText('请选择求助类别').closest('#field-category')).toBeTruthy();
    expect(screen.getByText('请简单描述发生了什么')).toBeTruthy();
    expect(screen.getByText(/请填写联系电话/)).toBeTruthy();
    expect(posts(request)).toHaveLength(0);
  });

  it('sends her phone with safe-contact preferences: windows, free-text times, no calls, no messages', async () => {
    const request = centersApi({ 'POST /api/requests': { statusCode: 201, data: created } });
    await renderPage();
    await fillMinimum();
    fireEvent.click(screen.getByRole('button', { name: /^＋/ }));
    fireEvent.click(screen.getByRole('button', { name: '请联系我' }));
    fireEvent.change(document.getElementById('contact-phone')!, { target: { value: '13800138000' } });
    fireEvent.change(document.getElementById('contact-name')!, { target: { value: '阿芳' } });
    fireEvent.click(document.getElementById('switch-call')!); // default yes → no
    fireEvent.click(screen.getByRole('button', { name: '工作日上午' }));
    fireEvent.click(screen.getByRole('button', { name: '周末白天' }));
    fireEvent.change(document.getElementById('contact-other-times')!, { target: { value: '周三下午也可以' } });
    fireEvent.change(document.getElementById('contact-note')!, { target: { value: '先问是不是快递' } });
    consent();
    await submit();

    const [post] = posts(request);
    expect(post.data.persons).toBe(2);
    expect(post.data.contact).toEqual({
      phone: '13800138000',
      name: '阿芳',
      safeToCall: false,
      allowMessage: false,
      maySayFederation: false,
      safeTimes: [
        { from: '09:00', to: '12:00', days: [1, 2, 3, 4, 5] },
        { from: '09:00', to: '18:00', days: [6, 7] },
      ],
      note: '时间说明：周三下午也可以；先问是不是快递',
    });
    expect(await screen.findByText(/工作人员会按你选择的方式和时间联系你/)).toBeTruthy();
    expect(JSON.stringify(window.localStorage)).not.toContain('13800138000');
  });

  it('in WeChat it asks for progress notices at the tap when template ids are configured, and sends notify', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.requestSubscribeMessage.mockResolvedValue({ 'tmpl-progress': 'accept', errMsg: 'requestSubscribeMessage:ok' });
    const request = centersApi({
      'GET /api/client-config': { statusCode: 200, data: { quickExitUrl: '/neutral.html', wechatMode: 'live', subscribeTemplateIds: { progress_update: 'tmpl-progress' } } },
      'POST /api/auth/wechat': { statusCode: 200, data: { token: 'wx-token', user: { id: 'usr_2' } } },
      'POST /api/requests': { statusCode: 201, data: created },
    });
    await renderPage();
    await fillMinimum();
    consent();
    await submit();
    expect(await screen.findByText('ZJ-2026-000123')).toBeTruthy();
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-progress'] }));
    expect(posts(request)[0].data.notify).toBe(true);
  });

  it('in WeChat without configured template ids it asks nothing and sends no notify', async () => {
    process.env.TARO_ENV = 'weapp';
    const request = centersApi({
      'GET /api/client-config': { statusCode: 200, data: { quickExitUrl: '/neutral.html', wechatMode: 'live' } },
      'POST /api/auth/wechat': { statusCode: 200, data: { token: 'wx-token', user: { id: 'usr_2' } } },
      'POST /api/requests': { statusCode: 201, data: created },
    });
    await renderPage();
    await fillMinimum();
    consent();
    await submit();
    expect(await screen.findByText('ZJ-2026-000123')).toBeTruthy();
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(posts(request)[0].data.notify).toBeUndefined();
  });

  it('has the quick-exit button and a one-tap 110 call', async () => {
    centersApi();
    await renderPage();
    expect(screen.getByRole('button', { name: '快速离开' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /拨打 110/ }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '110' });
    expect(within(document.body).queryByText('ZJ-2026-000123')).toBeNull();
  });
});
