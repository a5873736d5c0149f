import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CommitteeLevel, DisputeType, MediationStatus, MediatorKind, RequestCategory, type MediationCaseDetail, type MediationSessionDto, type TimelineItem } from '@zjh/shared';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../services/api';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { StaffLayout } from '../../components/staff-layout';
import { downloadAgreement, getCase, getCaseTimeline, listSessions } from '../../services/staff-mediation';
import { useStaff } from '../../services/use-staff';
import { caseTimelineWhat, chineseOrdinal } from './case-model';
import { PartyRow } from './consent-row';
import { JudicialPanel } from './judicial-panel';
import { SessionsPanel } from './sessions-panel';
import { busyProps } from './use-case-action';
import { WorkflowPanel } from './workflow-panel';
import '../staff.scss';
import './mediation.scss';

const when = (iso: string) => `${dateOf(iso)} ${timeOf(iso)}`;
const OPEN = ['registered', 'in_mediation', 'not_reached'];

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='md-fact-cell'>
      <Text className='md-fact-cell__label'>{label}</Text>
      <Text className='md-fact-cell__value'>{value}</Text>
    </View>
  );
}

function Timeline({ items }: { items: TimelineItem[] }) {
  if (!items.length) return <Text className='md-hint'>暂无记录</Text>;
  return (
    <View className='md-timeline'>
      {items.map((e) => (
        <View key={e.id} className='md-event'>
          <Text className='md-event__at'>{when(e.at)}</Text>
          <View className='md-event__body'>
            <Text className='md-event__what'>{caseTimelineWhat(e)}</Text>
            <Text className='md-event__who'>{e.actor.name}</Text>
            {e.note ? <Text className='md-event__note'>{e.type === 'session' && !Number.isNaN(Date.parse(e.note)) ? `调解时间 ${when(e.note)}` : e.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

/** One mediation case: parties and their consent, sessions, the moves its status allows, the agreement and 司法确认, the timeline. */
export default function MediationCasePage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' ? params.id : '';
  const { staff } = useStaff();
  const [c, setCase] = useState<MediationCaseDetail | null>(null);
  const [sessions, setSessions] = useState<MediationSessionDto[]>([]);
  const [timeline, setTimeline] = useState<TimelineItem[]>([]);
  const [error, setError] = useState('');
  const [fileError, setFileError] = useState('');
  const [downloading, setDownloading] = useState(false);

  const loadExtras = () => {
    listSessions(id)
      .then(setSessions)
      .catch(() => undefined);
    getCaseTimeline(id)
      .then(setTimeline)
      .catch(() => undefined);
  };
  const load = () => {
    setError('');
    getCase(id)
      .then(setCase)
      .catch((e: unknown) => setError(errorMessage(e)));
    loadExtras();
  };

  useEffect(() => {
    if (staff && id) load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff, id]);

  const changed = (next: MediationCaseDetail) => {
    setCase(next);
    loadExtras();
  };
  const panel = { onChanged: changed, onStale: load };

  const download = async () => {
    if (!c || downloading) return;
    setDownloading(true);
    setFileError('');
    try {
      await downloadAgreement(c.id, c.ref);
    } catch (e) {
      setFileError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  if (!c) {
    return (
      <StaffLayout title='调解案件' nav='mediation' wide>
        {error ? <Text className='staff-error'>{error}</Text> : <Text className='md-hint'>正在加载…</Text>}
      </StaffLayout>
    );
  }

  const open = OPEN.includes(c.status);
  return (
    <StaffLayout title={`调解案件 ${c.ref}`} nav='mediation' wide>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      <View className='staff-card md-head'>
        <View className='md-head__line'>
          <Text className='md-head__ref'>{c.ref}</Text>
          <Text className={`md-status md-status--${c.status}`} id='md-status'>
            {MediationStatus[c.status]}
          </Text>
        </View>
        <View className='md-facts-grid'>
          <Fact label='纠纷类型' value={DisputeType[c.disputeType]} />
          <Fact label='调解组织' value={`${CommitteeLevel[c.committeeLevel]}${c.committeeName ? ` · ${c.committeeName}` : ''}`} />
          <Fact label='服务中心' value={c.center.name} />
          <Fact label='调解员' value={c.mediators.length ? c.mediators.map((m) => `${m.name}（${MediatorKind[m.kind]}）`).join('、') : '未指派'} />
          <Fact label='登记' value={`${when(c.createdAt)}${c.registeredBy ? ` · ${c.registeredBy.name}` : ''}`} />
          <Fact label='来源' value={c.fromRequest ? `求助 ${c.fromRequest.ref}${c.sourceCategory ? `（${RequestCategory.labels[c.sourceCategory]}）` : ''}` : '直接登记'} />
          {c.outcomeAt ? <Fact label='结案' value={when(c.outcomeAt)} /> : null}
        </View>
      </View>

      <View className='md-columns'>
        <View className='md-main'>
          <View className='staff-card md-panel' id='md-parties'>
            <Text className='md-panel__title'>当事人与同意调解</Text>
            {c.parties.map((p, i) => (
              <PartyRow key={p.id} party={p} index={i} canRecord={open} c={c} {...panel} />
            ))}
          </View>

          <View className='staff-card md-panel'>
            <Text className='md-panel__title'>纠纷主要事实、争议事项</Text>
            <Text className='md-text'>{c.summary}</Text>
          </View>

          <SessionsPanel c={c} sessions={sessions} canAdd={c.status === 'registered' || c.status === 'in_mediation'} onAdded={loadExtras} />

          <View className='staff-card md-panel'>
            <Text className='md-panel__title'>时间线</Text>
            <Timeline items={timeline} />
          </View>
        </View>

        <View className='md-side'>
          <WorkflowPanel c={c} {...panel} />

          {c.agreement ? (
            <View className='staff-card md-panel' id='md-agreement'>
              <Text className='md-panel__title'>调解协议</Text>
              {c.agreement.clauses.map((text, i) => (
                <Text key={i} className='md-text md-clause-view'>{`${chineseOrdinal(i + 1)}、${text}`}</Text>
              ))}
              <Text className='md-text'>{`履行方式、时限：${c.agreement.performance}`}</Text>
              <Text className='md-hint'>{`本协议一式 ${c.agreement.copies} 份 · 签订日期 ${c.agreement.signedOn}`}</Text>
              {c.status === 'agreement_reached' ? (
                <Button id='md-download' className='staff-btn md-btn md-btn--primary' {...busyProps(downloading)} onClick={() => void download()}>
                  下载调解协议书（.docx）
                </Button>
              ) : null}
              {fileError ? <Text className='staff-error'>{fileError}</Text> : null}
            </View>
          ) : null}

          {c.status === 'agreement_reached' ? <JudicialPanel c={c} {...panel} /> : null}

          {c.court ? (
            <View className='staff-card md-panel' id='md-court'>
              <Text className='md-panel__title'>诉前联调</Text>
              <Text className='md-text'>{`${c.court.name} · 案号 ${c.court.caseNumber}`}</Text>
            </View>
          ) : null}
        </View>
      </View>
    </StaffLayout>
  );
}
