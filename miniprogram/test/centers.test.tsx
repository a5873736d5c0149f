import { fireEvent, render, screen, within } from '@testing-library/react';
import { CenterService } from '@zjh/shared';
import CentersPage from '../src/pages/centers/index';
import CenterDetailPage from '../src/pages/centers/detail';
import Taro, { setRouterParams } from './doubles/taro';
import { center, mockApi, requestedUrls } from './helpers';

const twelve = Array.from({ length: 12 }, (_, i) =>
  center({ id: `ctr_${String(i).padStart(16, '0')}`, name: `服务中心${i + 1}`, phone: `0759-10000${String(i).padStart(2, '0')}` }),
);

describe('center list', () => {
  it('lists the twelve centers with their service labels', async () => {
    mockApi({ 'GET /api/centers': { statusCode: 200, data: { items: twelve, nextCursor: null } } });
    render(<CentersPage />);
    expect(await screen.findByText('服务中心12')).toBeTruthy();
    expect(document.querySelectorAll('.center-card')).toHaveLength(12);
    expect(screen.getAllByText(CenterService.labels.mediation)).toHaveLength(12);
    expect(screen.getAllByText(CenterService.labels.psychological)).toHaveLength(12);
    expect(requestedUrls()).toEqual(['/api/centers']);
  });

  it('opens a center’s detail page', async () => {
    mockApi({ 'GET /api/centers': { statusCode: 200, data: { items: twelve, nextCursor: null } } });
    render(<CentersPage />);
    const card = (await screen.findByText('服务中心3')).closest('.center-card') as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: '查看详情' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/centers/detail?id=${twelve[2].id}` });
  });

  it('offers a retry when the list cannot be loaded', async () => {
    render(<CentersPage />); // the double's request fails like a dropped connection
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    mockApi({ 'GET /api/centers': { statusCode: 200, data: { items: twelve, nextCursor: null } } });
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('服务中心1')).toBeTruthy();
  });
});

describe('center detail', () => {
  it('shows the center with its services and a call button', async () => {
    const wuchuan = center({
      id: 'ctr_wuchuan_00000001',
      name: '吴川市12338妇联维权服务中心',
      phone: '0759-5000001',
      services: ['legal', 'protection_order'],
      note: '与法院合作，一站式申请人身安全保护令',
    });
    setRouterParams({ id: wuchuan.id });
    mockApi({ [`GET /api/centers/${wuchuan.id}`]: { statusCode: 200, data: { center: wuchuan } } });

    render(<CenterDetailPage />);

    expect(await screen.findByText('吴川市12338妇联维权服务中心')).toBeTruthy();
    expect(screen.getByText(CenterService.labels.protection_order)).toBeTruthy();
    expect(screen.getByText(wuchuan.note as string)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '查看详情' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '拨打 0759-5000001' }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '07595000001' });
  });

  it('says so when the center does not exist', async () => {
    setRouterParams({ id: 'ctr_missing_00000000' });
    mockApi({});
    render(<CenterDetailPage />);
    expect(await screen.findByText('找不到该记录')).toBeTruthy();
  });
});
