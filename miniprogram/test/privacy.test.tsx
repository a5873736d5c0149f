import { act, fireEvent, render, screen } from '@testing-library/react';
import Index from '../src/pages/index/index';
import PrivacyPage from '../src/pages/privacy/index';
import { installPrivacyHandshake, resetPrivacyHandshake } from '../src/services/privacy';
import Taro from './doubles/taro';

type Listener = (resolve: jest.Mock, info: { referrer: string }) => void;

function installAndGetListener(): Listener {
  installPrivacyHandshake();
  expect(Taro.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
  return Taro.onNeedPrivacyAuthorization.mock.calls[0][0] as Listener;
}

beforeEach(() => {
  resetPrivacyHandshake();
});

describe('WeChat privacy handshake', () => {
  it('shows the consent sheet when WeChat asks, and agreeing resolves with the agree button', () => {
    process.env.TARO_ENV = 'weapp';
    const listener = installAndGetListener();
    render(<Index />);
    expect(screen.queryByText('个人信息保护提示')).toBeNull();

    const resolve = jest.fn();
    act(() => listener(resolve, { referrer: 'getLocation' }));

    expect(screen.getByText('个人信息保护提示')).toBeTruthy();
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    const agree = screen.getByRole('button', { name: '同意' });
    expect(agree.id).toBe('agree-btn');
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');

    act(() => {
      fireEvent.click(agree);
    });
    expect(resolve).toHaveBeenLastCalledWith({ buttonId: 'agree-btn', event: 'agree' });
    expect(screen.queryByText('个人信息保护提示')).toBeNull();
  });

  it('refusing resolves with disagree and closes the sheet', () => {
    process.env.TARO_ENV = 'weapp';
    const listener = installAndGetListener();
    render(<Index />);
    const resolve = jest.fn();
    act(() => listener(resolve, { referrer: 'getLocation' }));

    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '拒绝' }));
    });
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(screen.queryByText('个人信息保护提示')).toBeNull();
  });

  it('links from the sheet to the privacy notice, which itself stays readable', () => {
    process.env.TARO_ENV = 'weapp';
    const listener = installAndGetListener();
    render(<Index />);
    act(() => listener(jest.fn(), { referrer: 'getLocation' }));
    fireEvent.click(screen.getByText('查看《个人信息保护说明》'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });

    const { container } = render(<PrivacyPage />);
    expect(container.querySelector('.privacy-sheet')).toBeNull();
  });

  it('does nothing in a browser', () => {
    installPrivacyHandshake();
    expect(Taro.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
    render(<Index />);
    expect(screen.queryByText('个人信息保护提示')).toBeNull();
  });

  it('does nothing on an old WeChat base library without the API', () => {
    process.env.TARO_ENV = 'weapp';
    delete (Taro as Record<string, unknown>).onNeedPrivacyAuthorization;
    expect(() => installPrivacyHandshake()).not.toThrow();
  });
});

describe('privacy notice page', () => {
  it('explains what is collected, sensitive-information consent, her rights and quick exit', () => {
    render(<PrivacyPage />);
    expect(screen.getByText('个人信息保护说明')).toBeTruthy();
    expect(screen.getByText(/我们收集哪些信息/)).toBeTruthy();
    expect(screen.getByText(/第二十九条/)).toBeTruthy();
    expect(screen.getByText(/查看和删除自己的信息/)).toBeTruthy();
    expect(screen.getAllByText(/快速离开/).length).toBeGreaterThan(1);
  });
});
