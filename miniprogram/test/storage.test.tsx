import { act, fireEvent, render, screen } from '@testing-library/react';
import Index from '../src/pages/index/index';
import CentersPage from '../src/pages/centers/index';
import { api } from '../src/services/api';
import { loadClientConfig } from '../src/services/client-config';
import Taro from './doubles/taro';
import { center, mockApi, storageWrites } from './helpers';

describe('what the client keeps on the device', () => {
  it('only zjh_token is written to storage by the client', async () => {
    process.env.TARO_ENV = 'weapp';
    mockApi({
      'GET /api/client-config': { statusCode: 200, data: { quickExitUrl: '/neutral.html', wechatMode: 'development' } },
      'POST /api/auth/wechat': { statusCode: 200, data: { token: 'user-token-1', expiresAt: '2027-01-01T00:00:00+08:00', user: { id: 'usr_1' } } },
      'GET /api/requests/mine': { statusCode: 200, data: { items: [], nextCursor: null } },
      'GET /api/centers': { statusCode: 200, data: { items: [center()], nextCursor: null } },
      'GET /api/centers/nearest': { statusCode: 200, data: { center: center(), distanceKm: 2 } },
    });
    Taro.getLocation.mockResolvedValue({ latitude: 21.26, longitude: 110.33 });

    await loadClientConfig();
    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '使用我的位置' }));
    await screen.findByText(center().name);
    render(<CentersPage />);
    await act(async () => {
      await api('/api/requests/mine', { auth: 'user' });
    });

    expect(storageWrites()).toEqual(['zjh_token']);
    expect(Object.keys(window.localStorage)).toEqual(['zjh_token']);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('in WeChat signs in with the wx.login code on first need and sends the token as a Bearer header', async () => {
    process.env.TARO_ENV = 'weapp';
    const request = mockApi({
      'POST /api/auth/wechat': { statusCode: 200, data: { token: 'user-token-2', expiresAt: '2027-01-01T00:00:00+08:00', user: { id: 'usr_2' } } },
      'GET /api/requests/mine': { statusCode: 200, data: { items: [], nextCursor: null } },
    });

    await Promise.all([api('/api/requests/mine', { auth: 'user' }), api('/api/requests/mine', { auth: 'user' })]);

    expect(Taro.login).toHaveBeenCalledTimes(1);
    const calls = request.mock.calls.map(([o]) => o);
    expect(calls.filter((o) => o.url.endsWith('/api/auth/wechat'))).toEqual([
      expect.objectContaining({ url: 'http://127.0.0.1:3000/api/auth/wechat', method: 'POST', data: { code: 'test-login-code' } }),
    ]);
    expect(calls.filter((o) => o.url.endsWith('/api/requests/mine')).map((o) => o.header.Authorization)).toEqual([
      'Bearer user-token-2',
      'Bearer user-token-2',
    ]);
  });

  it('in a browser signs in with an anonymous device account', async () => {
    const request = mockApi({
      'POST /api/auth/device': { statusCode: 200, data: { token: 'device-token', expiresAt: '2027-01-01T00:00:00+08:00', user: { id: 'usr_3' } } },
      'GET /api/requests/mine': { statusCode: 200, data: { items: [], nextCursor: null } },
    });
    await api('/api/requests/mine', { auth: 'user' });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/auth/device', method: 'POST', data: {} }));
    expect(Taro.login).not.toHaveBeenCalled();
    expect(JSON.parse(window.localStorage.getItem('zjh_token') ?? '{}').data).toBe('device-token');
  });

  it('starts a fresh session once when the stored token is rejected', async () => {
    window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'stale' }));
    let mine = 0;
    mockApi({
      'POST /api/auth/device': { statusCode: 200, data: { token: 'fresh', expiresAt: '2027-01-01T00:00:00+08:00', user: { id: 'usr_4' } } },
      'GET /api/requests/mine': (o) =>
        ++mine === 1 || o.header?.Authorization !== 'Bearer fresh'
          ? { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }
          : { statusCode: 200, data: { items: [], nextCursor: null } },
    });
    await expect(api('/api/requests/mine', { auth: 'user' })).resolves.toEqual({ items: [], nextCursor: null });
    expect(JSON.parse(window.localStorage.getItem('zjh_token') ?? '{}').data).toBe('fresh');
  });

  it('surfaces the server’s Chinese message, and a generic one when there is none', async () => {
    mockApi({
      'GET /api/centers/nearest': { statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '纬度超出范围', details: [] } } },
      'GET /api/centers': { statusCode: 500, data: '<html>oops</html>' },
    });
    await expect(api('/api/centers/nearest?lat=100&lng=0')).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '纬度超出范围' });
    await expect(api('/api/centers')).rejects.toMatchObject({ status: 500, message: '服务暂时不可用，请稍后再试' });
  });
});
