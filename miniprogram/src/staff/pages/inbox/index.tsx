import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { Channel, Priority, RequestCategory, RequestStatus, StaffRole, type StaffRequestSummary } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { SelectField, type SelectOption } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { LOGIN_PATH, signOutStaff } from '../../services/staff-session';
import { loadInbox, REQUEST_DETAIL_PATH, type InboxCounts, type InboxFilters } from '../../services/staff-requests';
import { useStaff } from '../../services/use-staff';
import { PriorityBadges } from '../requests/badges';
import '../staff.scss';
import './index.scss';

const OPEN: InboxFilters['status'] = ['new', 'accepted', 'in_progress'];

const STATUS_OPTIONS: SelectOption[] = [
  { value: '', label: '全部状态' },
  { value: 'open', label: '未结（待受理、已受理、处理中）' },
  ...RequestStatus.codes.map((c) => ({ value: c, label: RequestStatus.labels[c] })),
];
const PRIORITY_OPTIONS: SelectOption[] = [{ value: '', label: '全部' }, ...Priority.codes.map((c) => ({ value: c, label: Priority.labels[c] }))];
const CATEGORY_OPTIONS: SelectOption[] = [
  { value: '', label: '全部类别' },
  ...RequestCategory.codes.map((c) => ({ value: c, label: RequestCategory.labels[c] })),
];
const OVERDUE_OPTIONS: SelectOption[] = [
  { value: '', label: '全部' },
  { value: 'true', label: '只看超时' },
  { value: 'false', label: '未超时' },
];

function statusValue(status: InboxFilters['status']): string {
  if (!status?.length) return '';
  if (status.length === 1) return status[0];
  return status.join() === OPEN!.join() ? 'open' : '';
}

function when(iso: string): string {
  return `${dateOf(iso)} ${timeOf(iso)}`;
}

/** The center's help-request inbox: overdue and urgent first, filters, counts, search by ref or phone. */
export default function StaffInboxPage() {
  const { staff, error: staffError } = useStaff();
  const [filters, setFilters] = useState<InboxFilters>({ status: OPEN });
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<StaffRequestSummary[]>([]);
  const [counts, setCounts] = useState<InboxCounts | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const run = useRef(0);

  const load = async (more = false) => {
    const mine = ++run.current;
    setLoading(true);
    setError('');
    try {
      const page = await loadInbox(filters, more ? cursor : null);
      if (mine !== run.current) return;
      setItems((prev) => (more ? [...prev, ...page.items] : page.items));
      setCounts(page.counts);
      setCursor(page.nextCursor);
      setLoaded(true);
    } catch (e) {
      if (mine === run.current) setError(errorMessage(e));
    } finally {
      if (mine === run.current) setLoading(false);
      Promise.resolve(Taro.stopPullDownRefresh?.()).catch(() => undefined);
    }
  };

  useEffect(() => {
    if (staff) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff, filters]);

  usePullDownRefresh(() => {
    void load();
  });

  const set = (patch: Partial<InboxFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const chip = (key: string, label: string, count: number | undefined, next: InboxFilters, active: boolean) => (
    <Text key={key} className={`inbox-chip ${active ? 'inbox-chip--on' : ''} inbox-chip--${key}`} onClick={() => setFilters({ ...next, q: filters.q })}>
      {`${label} ${count ?? '–'}`}
    </Text>
  );
  const signOut = async () => {
    await signOutStaff();
    Promise.resolve(Taro.redirectTo({ url: LOGIN_PATH })).catch(() => undefined);
  };
  const open = (id: string) => Promise.resolve(Taro.navigateTo({ url: `${REQUEST_DETAIL_PATH}?id=${encodeURIComponent(id)}` })).catch(() => undefined);
  const sv = statusValue(filters.status);

  return (
    <StaffLayout
      title='求助收件箱'
      nav='inbox'
      wide
      actions={
        <View className='inbox-actions'>
          {staff ? (
            <View className='staff-whoami inbox-whoami'>
              <Text className='staff-whoami__name'>{staff.displayName}</Text>
              <Text className='staff-whoami__role'>{StaffRole.labels[staff.role] ?? staff.role}</Text>
            </View>
          ) : null}
          <Button className='staff-btn staff-btn--quiet inbox-actions__btn' onClick={() => void signOut()}>
            退出登录
          </Button>
        </View>
      }
    >
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}

      <View className='staff-card inbox-toolbar'>
        <View className='inbox-search'>
          <Input
            className='staff-field__input inbox-search__input'
            value={search}
            placeholder='搜索编号（如 ZJ-2026-000123）或电话号码'
            maxlength={40}
            onInput={(e) => setSearch(e.detail.value)}
            onConfirm={() => set({ q: search.trim() || undefined })}
          />
          <Button className='staff-btn staff-btn--primary inbox-search__btn' onClick={() => set({ q: search.trim() || undefined })}>
            搜索
          </Button>
          {filters.q ? (
            <Button
              className='staff-btn staff-btn--quiet inbox-search__btn'
              onClick={() => {
                setSearch('');
                set({ q: undefined });
              }}
            >
              清除
            </Button>
          ) : null}
        </View>
        <View className='inbox-filters'>
          <SelectField id='filter-status' label='状态' value={sv} options={STATUS_OPTIONS} onChange={(v) => set({ status: v === 'open' ? OPEN : v ? [v as keyof typeof RequestStatus.labels] : undefined })} />
          <SelectField id='filter-priority' label='优先级' value={filters.priority ?? ''} options={PRIORITY_OPTIONS} onChange={(v) => set({ priority: (v || undefined) as InboxFilters['priority'] })} />
          <SelectField id='filter-category' label='类别' value={filters.category ?? ''} options={CATEGORY_OPTIONS} onChange={(v) => set({ category: (v || undefined) as InboxFilters['category'] })} />
          <SelectField id='filter-overdue' label='超时' value={filters.overdue === undefined ? '' : String(filters.overdue)} options={OVERDUE_OPTIONS} onChange={(v) => set({ overdue: v === '' ? undefined : v === 'true' })} />
          <Button className='staff-btn staff-btn--quiet inbox-refresh' {...(loading ? { loading: true, disabled: true } : {})} onClick={() => void load()}>
            刷新
          </Button>
        </View>
        <View className='inbox-chips'>
          {chip('total', '全部', counts?.total, {}, !filters.status && filters.overdue === undefined && !filters.priority)}
          {chip('new', '待受理', counts?.new, { status: ['new'] }, sv === 'new' && filters.overdue === undefined)}
          {chip('open', '未结', counts?.open, { status: OPEN }, sv === 'open' && !filters.priority && filters.overdue === undefined)}
          {chip('overdue', '超时', counts?.overdue, { overdue: true }, filters.overdue === true)}
          {chip('urgent', '急', counts?.urgent, { status: OPEN, priority: 'urgent' }, filters.priority === 'urgent')}
        </View>
      </View>

      {error ? <Text className='staff-error'>{error}</Text> : null}

      <View className='staff-card inbox-list'>
        <View className='inbox-row inbox-row--head'>
          <Text className='inbox-col inbox-col--ref'>编号</Text>
          <Text className='inbox-col inbox-col--status'>状态</Text>
          <Text className='inbox-col inbox-col--category'>类别</Text>
          <Text className='inbox-col inbox-col--channel'>来源</Text>
          <Text className='inbox-col inbox-col--time'>提交时间</Text>
          <Text className='inbox-col inbox-col--due'>受理期限</Text>
          <Text className='inbox-col inbox-col--who'>经办人</Text>
          <Text className='inbox-col inbox-col--where'>{staff?.role === 'admin' ? '中心' : '区县'}</Text>
        </View>
        {loaded && items.length === 0 ? (
          <View className='staff-empty inbox-empty'>
            <Text className='staff-empty__title'>暂无求助</Text>
            <Text className='staff-empty__hint'>没有符合条件的求助。新的求助会显示在这里。</Text>
          </View>
        ) : null}
        {items.map((r) => (
          <View key={r.id} className={`inbox-row ${r.overdue ? 'inbox-row--overdue' : ''}`} onClick={() => void open(r.id)}>
            <View className='inbox-col inbox-col--ref'>
              <Text className='inbox-ref'>{r.ref}</Text>
              <PriorityBadges priority={r.priority} />
              {r.overdue ? <Text className='badge badge--overdue'>超时</Text> : null}
            </View>
            <Text className={`inbox-col inbox-col--status status status--${r.status}`}>{RequestStatus.labels[r.status]}</Text>
            <Text className='inbox-col inbox-col--category'>{RequestCategory.labels[r.category]}</Text>
            <Text className='inbox-col inbox-col--channel'>{Channel.labels[r.channel]}</Text>
            <Text className='inbox-col inbox-col--time'>{when(r.createdAt)}</Text>
            <Text className={`inbox-col inbox-col--due ${r.overdue ? 'inbox-due--overdue' : ''}`}>
              {r.status === 'new' ? `${r.overdue ? '已超时 · ' : ''}${when(r.acceptDueAt)}` : '—'}
            </Text>
            <Text className='inbox-col inbox-col--who'>{r.assignee?.name ?? '未分派'}</Text>
            <Text className='inbox-col inbox-col--where'>{staff?.role === 'admin' ? r.center.name : (r.district ?? '—')}</Text>
          </View>
        ))}
        {cursor ? (
          <Button className='staff-btn staff-btn--quiet inbox-more' {...(loading ? { loading: true, disabled: true } : {})} onClick={() => void load(true)}>
            加载更多
          </Button>
        ) : null}
      </View>
    </StaffLayout>
  );
}
