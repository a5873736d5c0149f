import { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { PoMeasure, PoSection, PoStatus, type PoEvidenceFileDto, type StaffPoDetail } from '@zjh/shared';
import { useEffect, useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { dateOf, timeOf } from '../../../services/shanghai-time';
import { StaffLayout } from '../../components/staff-layout';
import { addNote, downloadEvidence, downloadPetition, getOrder, messageHer, startExtension } from '../../services/staff-protection-orders';
import { useStaff } from '../../services/use-staff';
import { AnswersPanel } from './answers-panel';
import { decisionClock, validityText } from './board-model';
import { TransitionPanel } from './transition-forms';
import '../staff.scss';
import './index.scss';
import './detail.scss';

const when = (iso: string) => `${dateOf(iso)} ${timeOf(iso)}`;
const statusLabel = (s?: string) => (s && s in PoStatus.labels ? PoStatus.labels[s as keyof typeof PoStatus.labels] : (s ?? '—'));

const ACCESS: Record<string, string> = {
  'protection_order.read': '查看了申请',
  'protection_order.evidence.download': '下载了证据文件',
  'protection_order.petition.download': '下载了申请书',
};

/** One line of the application's history, in the back office's words. */
export function poTimelineWhat(e: StaffPoDetail['timeline'][number]): string {
  switch (e.type) {
    case 'created':
      return e.note ? `新建：${e.note}` : '开始填写';
    case 'status':
      return `状态：${statusLabel(e.from)} → ${statusLabel(e.to)}`;
    case 'note':
      return '内部备注';
    case 'message_to_client':
      return '发给申请人的消息';
    case 'message_from_client':
      return '申请人留言';
    case 'answers_edited':
      return '工作人员修改了申请内容';
    case 'extension_started':
      return '已为她新建延长申请';
    default:
      return e.type;
  }
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View className='po-fact'>
      <Text className='po-fact__label'>{label}</Text>
      <Text className='po-fact__value'>{value}</Text>
    </View>
  );
}

function TextBox({ id, placeholder, button, send }: { id: string; placeholder: string; button: string; send: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    if (busy) return;
    if (!text.trim()) return setError('请填写内容');
    setBusy(true);
    setError('');
    try {
      await send(text.trim());
      setText('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <Textarea id={id} className='po-textarea' value={text} maxlength={2000} placeholder={placeholder} onInput={(e) => setText(e.detail.value)} />
      <Button className='staff-btn po-btn po-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void submit()}>
        {button}
      </Button>
      {error ? <Text className='staff-error'>{error}</Text> : null}
    </View>
  );
}

/** One application in the back office: her answers (editable before filing), files, the court's clock, every step, notes and messages. */
export default function StaffProtectionOrderPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' ? params.id : '';
  const { staff } = useStaff();
  const [order, setOrder] = useState<StaffPoDetail | null>(null);
  const [error, setError] = useState('');
  const [fileError, setFileError] = useState('');
  const [downloading, setDownloading] = useState(false);
  const [extending, setExtending] = useState(false);

  const load = () => {
    setError('');
    getOrder(id)
      .then(setOrder)
      .catch((e: unknown) => setError(errorMessage(e)));
  };

  useEffect(() => {
    if (staff && id) load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [staff, id]);

  const openFile = (f: PoEvidenceFileDto) => {
    setFileError('');
    downloadEvidence(id, f).catch((e: unknown) => setFileError(errorMessage(e)));
  };

  const petition = async () => {
    setDownloading(true);
    setFileError('');
    try {
      await downloadPetition(id);
    } catch (e) {
      setFileError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const extend = async () => {
    setExtending(true);
    try {
      await startExtension(id);
      toast('已为她新建延长申请，她在“我的申请”里继续填写');
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExtending(false);
    }
  };

  if (!order) {
    return (
      <StaffLayout title='保护令申请' nav='protection-orders' wide>
        {error ? <Text className='staff-error'>{error}</Text> : <Text className='po-panel__hint'>正在加载…</Text>}
      </StaffLayout>
    );
  }

  const o = order;
  const now = new Date();
  const clock = decisionClock({ status: o.status, decisionDueAt: o.filing?.decisionDueAt ?? o.decisionDueAt, overdue: o.overdue || o.filing?.overdue === true }, now);
  const validity = validityText(o, now);
  const panel = { onChanged: setOrder, onStale: load };
  const messages = o.timeline.filter((e) => e.type === 'message_to_client' || e.type === 'message_from_client');

  return (
    <StaffLayout title={`保护令申请 · ${o.answers.applicant?.name ?? o.applicant}`} nav='protection-orders' wide>
      {error ? <Text className='staff-error'>{error}</Text> : null}
      <View className='staff-card po-head'>
        <View className='po-head__line'>
          <Text className='po-head__name'>{o.answers.applicant?.name ?? o.applicant}</Text>
          {o.urgent ? <Text className='po-badge po-badge--urgent'>急</Text> : null}
          {o.overdue ? <Text className='po-badge po-badge--urgent'>裁定超时</Text> : null}
          {o.expiringSoon ? <Text className='po-badge po-badge--warn'>即将到期</Text> : null}
          <Text className={`po-head__status po-status--${o.status}`} id='po-status'>
            {PoStatus.labels[o.status]}
          </Text>
        </View>
        <View className='po-facts'>
          <Field label='服务中心' value={o.center?.name ?? '—'} />
          <Field label='法院' value={o.court ?? '—'} />
          <Field label='提交时间' value={o.submittedAt ? when(o.submittedAt) : '—'} />
          <Field label='案号' value={o.filing?.caseNumber ?? '—'} />
          <Field label='进展通知' value={o.notify ? '她已订阅' : '未订阅'} />
          {o.extendsId ? <Field label='延长申请' value='这是一份保护令的延长申请' /> : null}
        </View>
        {clock && o.filing ? (
          <View className={`po-clock-box ${clock.overdue ? 'po-clock-box--overdue' : ''}`} id='decision-clock'>
            <Text className='po-clock-box__title'>{`法院应在 ${when(o.filing.decisionDueAt)} 前裁定（${o.filing.urgent ? '紧急 24 小时' : '72 小时'}，第二十八条）`}</Text>
            <Text className='po-clock-box__text'>{`${when(o.filing.filedAt)} 递交 · ${clock.text}`}</Text>
          </View>
        ) : null}
        {o.decision?.outcome === 'granted' ? (
          <View className='po-facts'>
            <Field label='保护令文号' value={o.decision.orderNumber ?? '—'} />
            <Field label='措施' value={(o.decision.measures ?? []).map((m) => (m === 'other' && o.decision?.otherMeasureText ? o.decision.otherMeasureText : PoMeasure.labels[m])).join('；')} />
            <Field label='有效期' value={validity ?? '—'} />
          </View>
        ) : null}
        {o.decision?.outcome === 'rejected' ? (
          <View className='po-facts'>
            <Field label='驳回理由' value={o.decision.reason ?? '—'} />
            <Field label='复议截止' value={o.decision.reconsiderationUntil ? when(o.decision.reconsiderationUntil) : '—'} />
          </View>
        ) : null}
        {o.delivery ? (
          <View className='po-facts'>
            <Field label='公安派出所' value={`${o.delivery.policeStation}（${o.delivery.policeDeliveredOn}）`} />
            <Field label='居（村）委会' value={`${o.delivery.committee}（${o.delivery.committeeDeliveredOn}）`} />
          </View>
        ) : null}
        {o.editableSections && o.status === 'needs_info' ? (
          <Text className='staff-hint'>{`已请她补充：${o.editableSections.map((s) => PoSection.labels[s]).join('、')}`}</Text>
        ) : null}
      </View>

      <View className='po-columns'>
        <View className='po-main'>
          <AnswersPanel order={o} {...panel} onOpenFile={openFile} />
          {fileError ? <Text className='staff-error'>{fileError}</Text> : null}

          <View className='staff-card po-panel' id='messages'>
            <Text className='po-panel__title'>与申请人的消息</Text>
            {messages.length === 0 ? <Text className='po-panel__hint'>还没有消息。</Text> : null}
            {messages.map((m) => (
              <View key={m.id} className={`po-msg po-msg--${m.type === 'message_to_client' ? 'staff' : 'her'}`}>
                <Text className='po-msg__who'>{`${m.type === 'message_to_client' ? m.actor.name : '申请人'} · ${when(m.at)}`}</Text>
                <Text className='po-msg__body'>{m.note ?? ''}</Text>
              </View>
            ))}
            {o.hasClientAccount ? (
              <TextBox
                id='message-body'
                placeholder='写给申请人的消息（她在申请进展里看到；通知的措辞是中性的）'
                button='发送给申请人'
                send={async (body) => setOrder(await messageHer(o.id, body))}
              />
            ) : (
              <Text className='po-panel__hint'>申请人的账号已注销，无法发送站内消息。</Text>
            )}
          </View>

          <View className='staff-card po-panel' id='timeline'>
            <Text className='po-panel__title'>时间线</Text>
            {o.timeline.map((e) => (
              <View key={e.id} className='po-event'>
                <Text className='po-event__at'>{when(e.at)}</Text>
                <View className='po-event__body'>
                  <View className='po-event__head'>
                    <Text className='po-event__what'>{poTimelineWhat(e)}</Text>
                    <Text className='po-event__who'>{e.actor.name}</Text>
                    <Text className={`po-event__vis po-event__vis--${e.visibility}`}>{e.visibility === 'client' ? '她可见' : '内部'}</Text>
                  </View>
                  {e.note && e.type !== 'created' ? <Text className='po-event__note'>{e.note}</Text> : null}
                </View>
              </View>
            ))}
          </View>
        </View>

        <View className='po-side'>
          <TransitionPanel key={`${o.id}-${o.status}`} order={o} {...panel} />

          <View className='staff-card po-panel'>
            <Text className='po-panel__title'>申请书</Text>
            <Text className='po-panel__hint'>Word 文档，按法院常用格式生成；保密住址不在其中。下载会记入查看记录。</Text>
            <Button id='download-petition' className='staff-btn po-btn po-btn--quiet' {...(downloading ? { loading: true, disabled: true } : {})} onClick={() => void petition()}>
              下载申请书（.docx）
            </Button>
          </View>

          {o.canExtend ? (
            <View className='staff-card po-panel'>
              <Text className='po-panel__title'>延长保护令</Text>
              <Text className='po-panel__hint'>{`${validity ?? ''}。为她新建一份预填的延长申请，她确认后提交。`}</Text>
              <Button id='extend' className='staff-btn po-btn po-btn--primary' {...(extending ? { loading: true, disabled: true } : {})} onClick={() => void extend()}>
                申请延长
              </Button>
            </View>
          ) : null}

          <View className='staff-card po-panel' id='notes'>
            <Text className='po-panel__title'>内部备注</Text>
            <TextBox id='note-body' placeholder='只有工作人员能看到' button='添加备注' send={async (note) => setOrder(await addNote(o.id, note))} />
          </View>

          <View className='staff-card po-panel' id='access-log'>
            <Text className='po-panel__title'>查看记录</Text>
            {o.accessLog.length === 0 ? <Text className='po-panel__hint'>暂无</Text> : null}
            {o.accessLog.slice(-20).reverse().map((a, i) => (
              <Text key={`${a.at}-${i}`} className='po-access'>{`${when(a.at)} · ${a.actor} · ${ACCESS[a.action] ?? a.action}`}</Text>
            ))}
          </View>
        </View>
      </View>
    </StaffLayout>
  );
}
