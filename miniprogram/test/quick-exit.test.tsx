import { act, fireEvent, render, screen } from '@testing-library/react';
import CentersPage from '../src/pages/centers/index';
import CenterDetailPage from '../src/pages/centers/detail';
import Index from '../src/pages/index/index';
import PrivacyPage from '../src/pages/privacy/index';
import { DEFAULT_QUICK_EXIT_URL, loadClientConfig, setClientConfig } from '../src/services/client-config';
import Taro, { setRouterParams } from './doubles/taro';
import { mockApi, spyOnLocationReplace } from './helpers';

function storeToken() {
  window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'secret-session-token' }));
  window.sessionStorage.setItem('draft', '不应该留下的内容');
}

beforeEach(() => {
  setClientConfig({ quickExitUrl: DEFAULT_QUICK_EXIT_URL, wechatMode: 'live' });
});

describe('quick exit', () => {
  it('is on every client page', () => {
    setRouterParams({ id: 'ctr_mazhang_000000001' });
    for (const Page of [Index, CentersPage, CenterDetailPage, PrivacyPage]) {
      const { unmount } = render(<Page />);
      expect(screen.getByRole('button', { name: '快速离开' })).toBeTruthy();
      unmount();
    }
  });

  it('in H5 clears the token and session storage, then replaces the location with the configured URL', async () => {
    mockApi({ 'GET /api/client-config': { statusCode: 200, data: { quickExitUrl: 'https://www.weather.com.cn/', wechatMode: 'development' } } });
    await loadClientConfig();
    storeToken();
    const replace = spyOnLocationReplace();

    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '快速离开' }));

    expect(window.localStorage.getItem('zjh_token')).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace).toHaveBeenCalledWith('https://www.weather.com.cn/');
  });

  it('leaves to the built-in neutral page when the client config cannot be loaded', async () => {
    mockApi({ 'GET /api/client-config': { statusCode: 503, data: null } });
    await loadClientConfig();
    const replace = spyOnLocationReplace();

    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '快速离开' }));

    expect(replace).toHaveBeenCalledWith('/neutral.html');
  });

  it('ignores a configured exit URL that is not a web page', async () => {
    mockApi({ 'GET /api/client-config': { statusCode: 200, data: { quickExitUrl: 'javascript:alert(1)', wechatMode: 'live' } } });
    await loadClientConfig();
    const replace = spyOnLocationReplace();

    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: '快速离开' }));

    expect(replace).toHaveBeenCalledWith('/neutral.html');
  });

  it('pressing Shift three times triggers quick exit', () => {
    storeToken();
    const replace = spyOnLocationReplace();
    render(<Index />);

    fireEvent.keyDown(window, { key: 'Shift' });
    fireEvent.keyDown(window, { key: 'Shift' });
    expect(replace).not.toHaveBeenCalled();
    fireEvent.keyDown(window, { key: 'Shift' });

    expect(replace).toHaveBeenCalledWith('/neutral.html');
    expect(window.localStorage.getItem('zjh_token')).toBeNull();
  });

  it('Shift presses spread over more than 1.5 s, or a held-down Shift, do not trigger it', () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T09:00:00+08:00') });
    try {
      const replace = spyOnLocationReplace();
      render(<Index />);

      fireEvent.keyDown(window, { key: 'Shift' });
      act(() => jest.advanceTimersByTime(800));
      fireEvent.keyDown(window, { key: 'Shift' });
      act(() => jest.advanceTimersByTime(800));
      fireEvent.keyDown(window, { key: 'Shift' }); // the first press is now 1.6 s old
      expect(replace).not.toHaveBeenCalled();

      act(() => jest.advanceTimersByTime(5000));
      fireEvent.keyDown(window, { key: 'Shift' });
      fireEvent.keyDown(window, { key: 'Shift', repeat: true });
      fireEvent.keyDown(window, { key: 'Shift', repeat: true });
      expect(replace).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops listening for Shift when the page is gone', () => {
    const replace = spyOnLocationReplace();
    const { unmount } = render(<Index />);
    unmount();
    for (let i = 0; i < 3; i++) fireEvent.keyDown(window, { key: 'Shift' });
    expect(replace).not.toHaveBeenCalled();
  });

  it('in WeChat clears the mini-program storage and exits the mini-program', async () => {
    process.env.TARO_ENV = 'weapp';
    storeToken();
    render(<Index />);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '快速离开' }));
    });

    expect(Taro.clearStorageSync).toHaveBeenCalled();
    expect(window.localStorage.length).toBe(0);
    expect(Taro.exitMiniProgram).toHaveBeenCalled();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('in WeChat goes back to a fresh home page when exiting is refused', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.exitMiniProgram.mockRejectedValue({ errMsg: 'exitMiniProgram:fail' });
    render(<Index />);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '快速离开' }));
    });

    expect(Taro.clearStorageSync).toHaveBeenCalled();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });
});
