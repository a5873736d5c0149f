import { act, fireEvent, render, screen } from '@testing-library/react';
import PrivacyPage from '../src/pages/privacy/index';
import Taro from './doubles/taro';
import { mockApi } from './helpers';

const exported = {
  account: { id: 'usr_0000000000001', kind: 'device', createdAt: '2026-12-01T01:00:00.000Z' },
  requests: [
    {
      id: 'req_0000000000000001',
      ref: 'ZJ-2026-000123',
      status: 'accepted',
      category: 'domestic_violence',
      description: '他昨晚又动手了。',
      anonymous: false,
    },
  ],
  bookings: [],
};

describe('privacy page: see and delete my data', () => {
  it('shows everything kept about her, in plain words', async () => {
    window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'her-token' }));
    const request = mockApi({ 'GET /api/me/data': { statusCode: 200, data: exported } });
    render(<PrivacyPage />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '查看我的数据' }));
    });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/me/data', header: expect.objectContaining({ Authorization: 'Bearer her-token' }) }));
    expect(await screen.findByText('求助编号：ZJ-2026-000123')).toBeTruthy();
    expect(screen.getByText('类型：浏览器匿名账号')).toBeTruthy();
    expect(screen.getByText('类别：家庭暴力')).toBeTruthy();
    expect(screen.getByText('状态：已受理')).toBeTruthy();
    expect(screen.getByText('我写的情况：他昨晚又动手了。')).toBeTruthy();
    expect(screen.getByText('预约（0 项）')).toBeTruthy();
  });

  it('in a browser with no session it says there is nothing, without creating an account', async () => {
    render(<PrivacyPage />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '查看我的数据' }));
    });
    expect(screen.getByText('这台设备上没有你的记录。')).toBeTruthy();
    expect(Taro.request).not.toHaveBeenCalled();
  });

  it('deleting asks for confirmation, explains what happens, then ends the account, forgets the token and goes home', async () => {
    window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'her-token' }));
    const request = mockApi({ 'DELETE /api/me': { statusCode: 204, data: '' } });
    render(<PrivacyPage />);
    fireEvent.click(screen.getByRole('button', { name: '删除我的数据' }));
    expect(request).not.toHaveBeenCalled();
    expect(screen.getByText('确定要删除吗？')).toBeTruthy();
    expect(screen.getByText(/账号会被注销/)).toBeTruthy();
    expect(screen.getByText(/与你断开关联，其中的联系电话、称呼和位置会被删除/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByText('确定要删除吗？')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '删除我的数据' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认删除' }));
    });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/me', method: 'DELETE' }));
    expect(window.localStorage.getItem('zjh_token')).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '你的数据已删除' }));
  });

  it('keeps the token and says why when deletion fails', async () => {
    window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'her-token' }));
    mockApi({ 'DELETE /api/me': { statusCode: 503, data: { error: { code: 'DATABASE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } } });
    render(<PrivacyPage />);
    fireEvent.click(screen.getByRole('button', { name: '删除我的数据' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认删除' }));
    });
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    expect(window.localStorage.getItem('zjh_token')).not.toBeNull();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('says that quick exit cannot erase earlier history and that a private window is safer on a shared device', () => {
    render(<PrivacyPage />);
    expect(screen.getByText(/快速离开不能删除你在此之前留下的浏览记录/)).toBeTruthy();
    expect(screen.getByText(/无痕（隐私）窗口会更安全/)).toBeTruthy();
  });
});
