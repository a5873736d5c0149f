import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Districts } from '@zjh/shared';
import Index, { COMING_SOON } from '../src/pages/index/index';
import Taro from './doubles/taro';
import { center, mockApi, requestedUrls } from './helpers';

describe('home page', () => {
  it('shows one-tap call buttons for 110 and 12338 that open the dialer', () => {
    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: /110/ }));
    fireEvent.click(screen.getByRole('button', { name: /12338/ }));
    expect(Taro.makePhoneCall).toHaveBeenNthCalledWith(1, { phoneNumber: '110' });
    expect(Taro.makePhoneCall).toHaveBeenNthCalledWith(2, { phoneNumber: '12338' });
  });

  it('shows the five services, and each opens its own page (none is “coming soon” any more)', () => {
    render(<Index />);
    const pages: Record<string, string> = {
      求助: '/pages/help/index',
      预约咨询: '/pages/bookings/index',
      保护令: '/pages/applications/index',
      家长学堂: '/pages/classes/index',
      普法: '/pages/law/index',
    };
    for (const [title, url] of Object.entries(pages)) {
      fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${title}`) }));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
    expect(Taro.showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: COMING_SOON }));
  });

  it('保护令 opens the page that explains the order and leads into the application', () => {
    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: /^保护令/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/applications/index' });
  });

  it('has a quick-exit button and a link to the center list', () => {
    render(<Index />);
    expect(screen.getByRole('button', { name: '快速离开' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /查看全部/ }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/centers/index' });
  });

  it('when location is granted it shows the nearest center returned by the API', async () => {
    Taro.getLocation.mockResolvedValue({ latitude: 21.2631234, longitude: 110.3349876 });
    const nearest = center();
    mockApi({ 'GET /api/centers/nearest': { statusCode: 200, data: { center: nearest, distanceKm: 1.234 } } });

    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '使用我的位置' }));

    const name = await screen.findByText(nearest.name);
    const card = within(name.closest('.center-card') as HTMLElement);
    expect(card.getByText(nearest.district)).toBeTruthy();
    expect(card.getByText(nearest.phone)).toBeTruthy();
    expect(card.getByText(nearest.hours)).toBeTruthy();
    expect(card.getByText('约 1.2 公里')).toBeTruthy();
    fireEvent.click(card.getByRole('button', { name: `拨打 ${nearest.phone}` }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '07593000001' });
    const url = new URL(requestedUrls()[0], 'http://localhost');
    expect(url.pathname).toBe('/api/centers/nearest');
    expect(url.searchParams.get('lat')).toBe('21.263');
    expect(url.searchParams.get('lng')).toBe('110.335');
    // Browsers only offer WGS-84.
    expect(Taro.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }));
  });

  it('in WeChat it asks for the location in GCJ-02 and calls the API origin set at build time', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.getLocation.mockResolvedValue({ latitude: 21.441, longitude: 110.779 });
    mockApi({
      'GET /api/centers/nearest': { statusCode: 200, data: { center: center({ name: '吴川市12338妇联维权服务中心' }), distanceKm: 0.05 } },
    });

    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '使用我的位置' }));

    expect(await screen.findByText('吴川市12338妇联维权服务中心')).toBeTruthy();
    expect(Taro.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }));
    expect(requestedUrls()[0]).toBe('http://127.0.0.1:3000/api/centers/nearest?lat=21.441&lng=110.779');
  });

  function wuchuanApi() {
    const wuchuan = center({ id: 'ctr_wuchuan_00000001', name: '吴川市12338妇联维权服务中心', district: '吴川市', phone: '0759-5000001' });
    mockApi({
      'GET /api/centers': (option) => {
        const district = new URL(option.url, 'http://localhost').searchParams.get('district');
        return { statusCode: 200, data: { items: district === '吴川市' ? [wuchuan] : [], nextCursor: null } };
      },
    });
  }

  it('when location is refused it shows the district picker and the chosen district’s center', async () => {
    // The double's getLocation refuses by default, as when she taps 拒绝.
    wuchuanApi();
    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '使用我的位置' }));
    expect(await screen.findByText(/没有获取到你的位置/)).toBeTruthy();

    // In a browser the picker is the phone's own <select>.
    const select = screen.getByRole('combobox', { name: '选择所在区县' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['选择所在区县', ...Districts]);
    await act(async () => {
      fireEvent.change(select, { target: { value: String(Districts.indexOf('吴川市')) } });
    });

    expect(await screen.findByText('吴川市12338妇联维权服务中心')).toBeTruthy();
    expect(screen.getByText('0759-5000001')).toBeTruthy();
    expect(requestedUrls()).toEqual([`/api/centers?district=${encodeURIComponent('吴川市')}`]);
  });

  it('in WeChat, when location is refused it offers the native district Picker', async () => {
    process.env.TARO_ENV = 'weapp';
    wuchuanApi();
    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '使用我的位置' }));
    expect(await screen.findByText(/没有获取到你的位置/)).toBeTruthy();

    const picker = screen.getByTestId('picker');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['请选择', ...Districts]);
    await act(async () => {
      fireEvent.change(within(picker).getByRole('combobox'), { target: { value: String(Districts.indexOf('吴川市')) } });
    });

    expect(await screen.findByText('吴川市12338妇联维权服务中心')).toBeTruthy();
    expect(requestedUrls()).toEqual([`http://127.0.0.1:3000/api/centers?district=${encodeURIComponent('吴川市')}`]);
  });

  it('when the nearest-center lookup fails it falls back to the district picker with the reason', async () => {
    Taro.getLocation.mockResolvedValue({ latitude: 21.2, longitude: 110.4 });
    mockApi({
      'GET /api/centers/nearest': { statusCode: 503, data: { error: { code: 'DATABASE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } },
    });
    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '使用我的位置' }));
    expect(await screen.findByText(/服务暂时不可用，请稍后再试/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '选择所在区县' })).toBeTruthy();
  });
});
