import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { CommitteeLevel, DisputeType, MediationStatus, type Center, type MediationBoard, type MediationCaseSummary } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { listCenters } from '../../../services/centers';
import { dateOf } from '../../../services/shanghai-time';
import { SelectField, type SelectOption } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { loadBoard, MEDIATION_DETAIL_PATH, MEDIATION_REGISTER_PATH, type MediationFilters } from '../../services/staff-mediation';
import { useStaff } from '../../services/use-staff';
import '../staff.scss';
import './mediation.scss';

type Status = keyof typeof MediationStatus;
const STATUSES = Object.keys(MediationStatus) as Status[];
const OPEN: Status[] = ['registered', 'in_mediation', 'not_reached'];

const STATUS_OPTIONS: SelectOption[] = [
  { value: '', label: '全部状态' },
  { value: 'open', label: '未结（已登记、调解中、未达成）' },
  ...STATUSES.map((s) => ({ value: s, label: MediationStatus[s] })),
];
const LEVEL_OPTIONS: SelectOption[] = [{ value: '', label: '全部' }, ...Object.entries(CommitteeLevel).map(([value, label]) => ({ value, label }))];
const DISPUTE_OPTIONS: SelectOption[] = [{ value: '', label: '全部类型' }, ...Object.entries(DisputeType).map(([value, label]) => ({ value, label }))];

const REF_FORMAT = /^TJ-\d{4}-\d{1,6}$/;

function statusValue(status: MediationFilters['status']): string {
  if (!status?.length) return '';
  if (status.length === 1) return status[0];
  return status.join() === OPEN.join() ? 'open' : '';
}

function Row({ c, showCenter, onOpen }: { c: MediationCaseSummary; showCenter: boolean; onOpen: () => void }) {
  return (
    <View className='md-row' id={`case-${c.ref}`} onClick={onOpen}>
      <View className='md-col md-col--ref'>
        <Text className='md-ref'>{c.ref}</Text>
        {c.status === 'registered' && !c.consentComplete ? <Text className='md-badge md-badge--warn'>待同意</Text> : null}
        {c.fromRequest ? <Text className='md-badge'>{`转自 ${c.fromRequest.ref}`}</Text> : null}
      </View>
      <Text className='md-col md-col--type'>{DisputeType[c.disputeType]}</Text>
      <Text className='md-col md-col--level'>{CommitteeLevel[c.committeeLevel]}</Text>
      <View className='md-col md-col--status'>
        <Text className={`md-status md-status--${c.status}`}>{MediationStatus[c.status]}</Text>
      </View>
      {showCenter ? <Text className='md-col md-col--center'>{c.center.name}</Text> : null}
      <Text className='md-col md-col--date'>{dateOf(c.createdAt)}</Text>
      <Text className='md-col md-col--date'>{c.lastSessionAt ? `${dateOf(c.lastSessionAt)}（共 ${c.sessionsCount} 次）` : '—'}</Text>
      <Text className='md-col md-col--date'>{c.outcomeAt ? dateOf(c.outcomeAt) : '—'}</Text>
    </View>
  );
}

/** 调解案件: the center's marriage/family mediation cases — filters, counts per status, search by TJ number. */
export default function MediationBoardPage() {
  const { staff, error: staffError } = useStaff();
  const [filters, setFilters] = useState<MediationFilters>({});
  const [search, setSearch] = useState('');
  const [searchError, setSearchError] = useState('');
  const [centers, setCenters] = useState<Center[]>([]);
  const [items, setItems] = useState<MediationCaseSummary[]>([]);
  const [counts, setCounts] = useState<MediationBoard['counts'] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const run = useRef(0);
  const isAdmin = staff?.role === 'admin';
  const canRegister = isAdmin || staff?.role === 'center_staff';

  const load = async (more = false) => {
    const mine = ++run.current;
    setLoading(true);
    setError('');
    try {
      const page = await loadBoard(filters, more ? cursor : null);
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

  useEffect(() => {
    if (!isAdmin) return;
    listCenters()
      .then((c) => setCenters(c.items))
      .catch(() => undefined);
  }, [isAdmin]);

  usePullDownRefresh(() => {
    void load();
  });

  const set = (patch: Partial<MediationFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const find = () => {
    const q = search.trim().toUpperCase();
    if (q && !REF_FORMAT.test(q)) {
      setSearchError('请输入调解编号，如 TJ-2026-0001');
      return;
    }
    setSearchError('');
    set({ q: q || undefined });
  };
  const clearSearch = () => {
    setSearch('');
    setSearchError('');
    set({ q: undefined });
  };
  const open = (id: string) => Promise.resolve(Taro.navigateTo({ url: `${MEDIATION_DETAIL_PATH}?id=${encodeURIComponent(id)}` })).catch(() => undefined);
  const register = () => Promise.resolve(Taro.navigateTo({ url: MEDIATION_REGISTER_PATH })).catch(() => undefined);
  const sv = statusValue(filters.status);

  const chip = (key: string, label: string, count: number | undefined, status: Status[] | undefined) => {
    const on = key === 'total' ? !filters.status?.length : sv === key;
    return (
      <Text key={key} id={`count-${key}`} className={`md-chip ${on ? 'md-chip--on' : ''}`} onClick={() => set({ status })}>
        {label} <Text className='md-chip__n'>{count ?? '–'}</Text>
      </Text>
    );
  };

  return (
    <StaffLayout
      title='调解案件'
      nav='mediation'
      wide
      actions={
        canRegister ? (
          <Button id='md-register' className='staff-btn md-btn md-btn--primary' onClick={() => void register()}>
            登记调解案件
          </Button>
        ) : undefined
      }
    >
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      <View className='staff-card md-toolbar'>
        <View className='md-search'>
          <Input
            id='md-search'
            className='staff-field__input md-search__input'
            value={search}
            placeholder='按调解编号查找，如 TJ-2026-0001'
            maxlength={20}
            onInput={(e) => setSearch(e.detail.value)}
            onConfirm={find}
          />
          <Button className='staff-btn md-btn md-btn--primary' onClick={find}>
            查找
          </Button>
          {filters.q ? (
            <Button className='staff-btn md-btn md-btn--quiet' onClick={clearSearch}>
              清除
            </Button>
          ) : null}
        </View>
        {searchError ? <Text className='staff-error'>{searchError}</Text> : null}
        <View className='md-filters'>
          <SelectField id='filter-status' label='状态' value={sv} options={STATUS_OPTIONS} onChange={(v) => set({ status: v === 'open' ? OPEN : v ? [v as Status] : undefined })} />
          <SelectField id='filter-level' label='调解组织' value={filters.level ?? ''} options={LEVEL_OPTIONS} onChange={(v) => set({ level: (v || undefined) as MediationFilters['level'] })} />
          <SelectField id='filter-dispute' label='纠纷类型' value={filters.disputeType ?? ''} options={DISPUTE_OPTIONS} onChange={(v) => set({ disputeType: (v || undefined) as MediationFilters['disputeType'] })} />
          {isAdmin ? (
            <SelectField
              id='filter-center'
              label='服务中心'
              value={filters.centerId ?? ''}
              options={[{ value: '', label: '全部中心' }, ...centers.map((c) => ({ value: c.id, label: c.name }))]}
              onChange={(v) => set({ centerId: v || undefined })}
            />
          ) : null}
          <Button className='staff-btn md-btn md-btn--quiet md-refresh' {...(loading ? { loading: true, disabled: true } : {})} onClick={() => void load()}>
            刷新
          </Button>
        </View>
        <View className='md-chips'>
          {chip('total', '全部', counts?.total, undefined)}
          {STATUSES.map((s) => chip(s, MediationStatus[s], counts?.byStatus[s], [s]))}
        </View>
      </View>

      {error ? <Text className='staff-error'>{error}</Text> : null}

      <View className='staff-card md-list'>
        <View className='md-row md-row--head'>
          <Text className='md-col md-col--ref'>调解编号</Text>
          <Text className='md-col md-col--type'>纠纷类型</Text>
          <Text className='md-col md-col--level'>调解组织</Text>
          <Text className='md-col md-col--status'>状态</Text>
          {isAdmin ? <Text className='md-col md-col--center'>服务中心</Text> : null}
          <Text className='md-col md-col--date'>登记日期</Text>
          <Text className='md-col md-col--date'>最近调解</Text>
          <Text className='md-col md-col--date'>结案日期</Text>
        </View>
        {loaded && items.length === 0 ? (
          <View className='staff-empty'>
            <Text className='staff-empty__title'>暂无调解案件</Text>
            <Text className='staff-empty__hint'>没有符合条件的案件。</Text>
          </View>
        ) : null}
        {items.map((c) => (
          <Row key={c.id} c={c} showCenter={isAdmin} onOpen={() => void open(c.id)} />
        ))}
        {cursor ? (
          <Button className='staff-btn md-btn md-btn--quiet md-more' {...(loading ? { loading: true, disabled: true } : {})} onClick={() => void load(true)}>
            加载更多
          </Button>
        ) : null}
      </View>
    </StaffLayout>
  );
}
