import { Button, Text, View } from '@tarojs/components';
import { Channel, ConsultationKind, RequestCategory, type Center, type Stats } from '@zjh/shared';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../services/api';
import { listCenters } from '../../../services/centers';
import { todayShanghai } from '../../../services/shanghai-time';
import { FieldError, WhenInput } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { downloadReport, loadStats } from '../../services/staff-stats';
import { useStaff } from '../../services/use-staff';
import { Columns, HBars } from './bars';
import { monthLabel, monthsOf, periodQuery, periodText, reportYear, type PeriodChoice } from './stats-model';
import '../staff.scss';
import './index.scss';

type Area = 'requests' | 'consultations' | 'protectionOrders' | 'mediations' | 'classes' | 'articles' | 'quiz';

/** One figure exactly as the API gave it; the id names where it came from (fig-area-field). */
function Num({ stats, area, field }: { stats: Stats; area: Area; field: string }) {
  const value = (stats[area] as unknown as Record<string, unknown>)[field];
  return (
    <Text className='st-num' id={`fig-${area}-${field}`}>
      {String(value)}
    </Text>
  );
}

function Figure({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <View className='st-figure' id={id}>
      <Text className='st-figure__title'>{title}</Text>
      <Text className='st-figure__line'>{children}</Text>
    </View>
  );
}

function Chart({ title, hint, children, wide }: { title: string; hint?: string; children: ReactNode; wide?: boolean }) {
  return (
    <View className={`staff-card st-chart ${wide ? 'st-chart--wide' : ''}`}>
      <Text className='st-chart__title'>{title}</Text>
      {hint ? <Text className='st-hint'>{hint}</Text> : null}
      {children}
    </View>
  );
}

/** 统计: the year's figures, phrased as the Federation reports them, with trend, center and category charts and the yearly workbook. */
export default function StatsPage() {
  const { staff, error: staffError } = useStaff();
  const thisYear = Number(todayShanghai().slice(0, 4));
  const [period, setPeriod] = useState<PeriodChoice>({ kind: 'year', year: thisYear });
  const [range, setRange] = useState({ from: `${thisYear}-01-01`, to: todayShanghai() });
  const [rangeError, setRangeError] = useState('');
  const [centerId, setCenterId] = useState('');
  const [centers, setCenters] = useState<Center[]>([]);
  const [stats, setStats] = useState<Stats | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState('');
  const run = useRef(0);
  const isAdmin = staff?.role === 'admin';
  const query = periodQuery(period, isAdmin ? centerId || undefined : undefined);

  useEffect(() => {
    if (!staff) return;
    const mine = ++run.current;
    setLoading(true);
    setError('');
    loadStats(query)
      .then((s) => mine === run.current && setStats(s))
      .catch((e: unknown) => mine === run.current && setError(errorMessage(e)))
      .finally(() => mine === run.current && setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff, query.from, query.to, query.centerId]);

  useEffect(() => {
    if (!staff) return;
    listCenters()
      .then((c) => setCenters(c.items))
      .catch(() => undefined);
  }, [staff]);

  const applyRange = () => {
    if (!range.from || !range.to) return setRangeError('请选择起止日期');
    if (range.to < range.from) return setRangeError('截止日期不能早于起始日期');
    setRangeError('');
    setPeriod({ kind: 'range', from: range.from, to: range.to });
  };

  const year = reportYear(period);
  const exportReport = async () => {
    if (exporting) return;
    setExporting(true);
    setExportError('');
    try {
      await downloadReport(year, query.centerId);
    } catch (e) {
      setExportError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const scopeCenterId = isAdmin ? centerId : (staff?.centerId ?? '');
  const scopeName = scopeCenterId ? (centers.find((c) => c.id === scopeCenterId)?.name ?? '本中心') : '全市';
  const s = stats;
  const months = s ? monthsOf(query, s.requests.byMonth) : [];
  const manyYears = months.length > 0 && months[0].month.slice(0, 4) !== months[months.length - 1].month.slice(0, 4);

  return (
    <StaffLayout title='统计' nav='stats' wide>
      {staffError ? <Text className='staff-error'>{staffError}</Text> : null}
      <View className='staff-card st-toolbar'>
        <View className='st-toolbar__row'>
          <Text className='st-toolbar__label'>年度</Text>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <Button
              key={y}
              id={`year-${y}`}
              className={`staff-btn st-btn ${period.kind === 'year' && period.year === y ? 'st-btn--on' : 'st-btn--quiet'}`}
              onClick={() => setPeriod({ kind: 'year', year: y })}
            >
              {`${y} 年`}
            </Button>
          ))}
          <View className='st-range'>
            <WhenInput id='range-from' label='从' mode='date' value={range.from} onChange={(v) => setRange((r) => ({ ...r, from: v }))} />
            <WhenInput id='range-to' label='至' mode='date' value={range.to} onChange={(v) => setRange((r) => ({ ...r, to: v }))} />
            <Button id='range-apply' className={`staff-btn st-btn ${period.kind === 'range' ? 'st-btn--on' : 'st-btn--quiet'}`} onClick={applyRange}>
              按日期查看
            </Button>
          </View>
          {isAdmin ? (
            <View className='st-center'>
              <SelectField
                id='stats-center'
                label='范围'
                value={centerId}
                options={[{ value: '', label: '全市（全部中心）' }, ...centers.map((c) => ({ value: c.id, label: c.name }))]}
                onChange={setCenterId}
              />
            </View>
          ) : null}
        </View>
        <FieldError message={rangeError} />
        <View className='st-toolbar__row st-toolbar__row--end'>
          <Text className='st-period' id='st-period'>{`${periodText(period)} · ${scopeName}${loading ? ' · 正在计算…' : ''}`}</Text>
          <Button id='export-xlsx' className='staff-btn st-btn st-btn--primary' {...(exporting ? { loading: true, disabled: true } : {})} onClick={() => void exportReport()}>
            {`导出 ${year} 年度报表（.xlsx）`}
          </Button>
        </View>
        {exportError ? <Text className='staff-error'>{exportError}</Text> : null}
      </View>

      {error ? <Text className='staff-error'>{error}</Text> : null}

      {s ? (
        <>
          <View className='staff-card st-headline'>
            <Figure id='st-requests' title='接访'>
              接访案件 <Num stats={s} area='requests' field='cases' /> 宗 <Num stats={s} area='requests' field='persons' /> 人次；其中“急”
              <Text className='st-num' id='fig-requests-byPriority-urgent'>{String(s.requests.byPriority.urgent ?? 0)}</Text> 宗、“重”
              <Text className='st-num' id='fig-requests-byPriority-serious'>{String(s.requests.byPriority.serious ?? 0)}</Text> 宗、“难”
              <Text className='st-num' id='fig-requests-byPriority-difficult'>{String(s.requests.byPriority.difficult ?? 0)}</Text> 宗；未在时限内受理{' '}
              <Num stats={s} area='requests' field='overdue' /> 宗；受理用时中位数 {s.requests.medianHoursToAccept === null ? '—' : <Num stats={s} area='requests' field='medianHoursToAccept' />} 小时
            </Figure>
            <Figure id='st-mediations' title='婚姻家事纠纷调解'>
              调解 <Num stats={s} area='mediations' field='total' /> 件，县级以上婚调委 <Num stats={s} area='mediations' field='countyLevel' /> 件，达成协议{' '}
              <Num stats={s} area='mediations' field='agreements' /> 件，转入诉前联调 <Num stats={s} area='mediations' field='toCourt' /> 件
            </Figure>
            <Figure id='st-classes' title='家长学堂与宣传教育课'>
              课程 <Num stats={s} area='classes' field='held' /> 场，参加 <Num stats={s} area='classes' field='attendees' /> 人次
            </Figure>
            <Figure id='st-articles' title='网络资讯'>
              资讯 <Num stats={s} area='articles' field='published' /> 篇，浏览 <Num stats={s} area='articles' field='views' /> 人次；普法有奖问答{' '}
              <Num stats={s} area='quiz' field='participants' /> 人参与、<Num stats={s} area='quiz' field='attempts' /> 人次
            </Figure>
            <Figure id='st-protection' title='人身安全保护令'>
              协助申请 <Num stats={s} area='protectionOrders' field='applied' /> 件，法院签发 <Num stats={s} area='protectionOrders' field='granted' /> 件，驳回{' '}
              <Num stats={s} area='protectionOrders' field='rejected' /> 件
            </Figure>
            <Figure id='st-consultations' title='心理、法律和家庭教育咨询'>
              预约 <Num stats={s} area='consultations' field='booked' /> 人次，到场 <Num stats={s} area='consultations' field='held' /> 人次，未到场{' '}
              <Num stats={s} area='consultations' field='noShow' /> 人次，取消 <Num stats={s} area='consultations' field='cancelled' /> 人次
            </Figure>
          </View>

          <Chart title='接访趋势（按月）' hint='每月收到的求助：案件（宗）与涉及人次' wide>
            <Columns id='chart-months' series={['案件（宗）', '人次']} items={months.map((m) => ({ key: m.month, label: monthLabel(m.month, manyYears), values: [m.cases, m.persons] }))} />
          </Chart>

          {!s.period.centerId ? (
            <Chart title='各服务中心接访' hint='按案件（宗）排序；人次为涉及人数之和' wide>
              {s.requests.byCenter.length ? (
                <HBars id='chart-centers' unit='宗' items={s.requests.byCenter.map((c) => ({ key: c.centerId, label: c.name, value: c.cases, note: `${c.persons} 人次` }))} />
              ) : (
                <Text className='st-hint'>这段时间没有接访记录。</Text>
              )}
            </Chart>
          ) : null}

          <View className='st-charts'>
            <Chart title='求助类别'>
              <HBars id='chart-categories' unit='宗' items={RequestCategory.codes.map((c) => ({ key: c, label: RequestCategory.labels[c], value: s.requests.byCategory[c] ?? 0 }))} />
            </Chart>
            <Chart title='求助来源'>
              <HBars id='chart-channels' unit='宗' items={Channel.codes.map((c) => ({ key: c, label: Channel.labels[c], value: s.requests.byChannel[c] ?? 0 }))} />
            </Chart>
            <Chart title='咨询预约类型'>
              <HBars id='chart-kinds' unit='人次' items={ConsultationKind.codes.map((k) => ({ key: k, label: ConsultationKind.labels[k], value: s.consultations.byKind[k] ?? 0 }))} />
            </Chart>
          </View>
          <Text className='st-hint st-footnote'>以上均为汇总数字，不含任何个人信息。每一宗收到的求助都计入，无论后来如何办结。</Text>
        </>
      ) : null}
    </StaffLayout>
  );
}
