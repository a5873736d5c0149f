import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { Hotlines, PoMeasure, PoSection, PoStatus, type MyProtectionOrder } from '@zjh/shared';
import { useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { downloadPetition, FORM_PATH, getApplication, openEvidence, sendMessage, withdrawApplication } from '../../services/applications';
import { countdownText } from '../../services/countdown';
import { callNumber } from '../../services/phone';
import { dateOf, timeOf } from '../../services/shanghai-time';
import { DangerBanner } from './danger-banner';
import { firstOpenStep } from './interview';
import { FileList } from './steps/evidence';
import './interview.scss';
import './index.scss';

const when = (iso: string) => `${dateOf(iso)} ${timeOf(iso)}`;
const REPLY_MAX = 2000;

/** Each step of her application, in her words. */
export function eventText(e: MyProtectionOrder['events'][number]): string {
  switch (e.type) {
    case 'created':
      return '开始填写';
    case 'status':
      return e.to && e.to in PoStatus.labels ? PoStatus.labels[e.to as keyof typeof PoStatus.labels] : '状态已更新';
    case 'extension_started':
      return '服务中心为你开始了延长申请';
    case 'message_to_client':
      return '工作人员给你发了消息';
    case 'message_from_client':
      return '你发送了消息';
    default:
      return '有新的进展';
  }
}

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

/** Where the application stands, in plain words, with what it means for her. */
function StatusCard({ a }: { a: MyProtectionOrder }) {
  const lines: string[] = [];
  const f = a.filing;
  const d = a.decision;
  switch (a.status) {
    case 'draft':
      lines.push('还没有提交。填好后在最后一步提交。');
      break;
    case 'submitted':
      lines.push('服务中心会尽快核对你的申请，需要时工作人员会在这里给你留言。');
      break;
    case 'under_review':
      lines.push('工作人员正在核对你的申请，准备递交法院。');
      break;
    case 'needs_info':
      lines.push('工作人员需要你补充一些内容，补充后重新提交。');
      break;
    case 'withdrawn':
      lines.push('这份申请已撤回。如果仍需要保护，可以重新申请，或拨打 12338。');
      break;
    default:
      break;
  }
  const clock = f && a.status === 'filed' ? countdownText(f.decisionDueAt) : null;
  return (
    <View className='ap-card ap-status-card'>
      <Text className='ap-label'>申请进展</Text>
      <Text className={`ap-status-card__status ap-status--${a.status}`} id='status'>
        {PoStatus.labels[a.status]}
      </Text>
      {lines.map((l) => (
        <Text key={l} className='ap-paragraph'>
          {l}
        </Text>
      ))}
      {f ? (
        <View className='ap-facts'>
          <Text className='ap-paragraph'>{`法院：${f.court}`}</Text>
          <Text className='ap-paragraph'>{`案号：${f.caseNumber}`}</Text>
          <Text className='ap-paragraph'>{`递交时间：${when(f.filedAt)}`}</Text>
        </View>
      ) : null}
      {f && a.status === 'filed' ? (
        <View className={`ap-clock ${clock?.overdue ? 'ap-clock--overdue' : ''}`} id='decision-clock'>
          <Text className='ap-clock__title'>{`法院应在 ${when(f.decisionDueAt)} 前作出决定`}</Text>
          <Text className='ap-clock__text'>{`${f.urgent ? '紧急情况，24 小时内' : '72 小时内'}（反家庭暴力法第二十八条）· ${clock?.text ?? ''}`}</Text>
          {clock?.overdue ? <Text className='ap-clock__text'>已超过时限，服务中心会跟进，你也可以打电话询问。</Text> : null}
        </View>
      ) : null}
      {d?.outcome === 'granted' ? (
        <View className='ap-facts' id='decision'>
          <Text className='ap-paragraph ap-paragraph--strong'>{`法院已作出保护令，文号 ${d.orderNumber ?? ''}`}</Text>
          {(d.measures ?? []).map((m) => (
            <Text key={m} className='ap-paragraph'>{`· ${m === 'other' && d.otherMeasureText ? d.otherMeasureText : PoMeasure.labels[m]}`}</Text>
          ))}
          <Text className='ap-paragraph'>{`有效期：${d.validFrom ?? ''} 至 ${d.validTo ?? ''}`}</Text>
          {d.expired ? <Text className='ap-paragraph'>保护令已到期。如仍需要保护，请联系服务中心重新申请。</Text> : null}
          {d.expiringSoon && !d.expired ? (
            <Text className='ap-paragraph ap-paragraph--strong'>{`保护令将于 ${d.validTo ?? ''} 到期。如果仍需要保护，请联系服务中心帮你申请延长。`}</Text>
          ) : null}
          <Text className='ap-paragraph'>对方违反保护令的，请立即拨打 110，并告诉服务中心。</Text>
        </View>
      ) : null}
      {d?.outcome === 'rejected' ? (
        <View className='ap-facts' id='decision'>
          <Text className='ap-paragraph'>{`理由：${d.reason ?? ''}`}</Text>
          {d.reconsiderationUntil ? (
            <Text className='ap-paragraph'>{`如果不服，可以在 ${when(d.reconsiderationUntil)} 前向作出决定的法院申请复议一次（第三十一条）。服务中心可以帮你。`}</Text>
          ) : null}
        </View>
      ) : null}
      {a.delivery ? (
        <View className='ap-facts'>
          <Text className='ap-paragraph'>{`已送达 ${a.delivery.policeStation}（${a.delivery.policeDeliveredOn}）`}</Text>
          <Text className='ap-paragraph'>{`已送达 ${a.delivery.committee}（${a.delivery.committeeDeliveredOn}）`}</Text>
        </View>
      ) : null}
    </View>
  );
}

/**
 * One application after she submits it (also the page her notifications open): status in plain
 * words, the court's clock once filed, the decision, messages both ways, the 申请书 to download.
 */
export default function ApplicationDetailPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' ? params.id : '';
  const justSent = params.sent === '1';
  const [a, setA] = useState<MyProtectionOrder | null>(null);
  const [error, setError] = useState('');
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState('');
  const [sending, setSending] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState('');
  const [withdrawing, setWithdrawing] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [withdrawReason, setWithdrawReason] = useState('');
  const [withdrawError, setWithdrawError] = useState('');

  const load = () => {
    if (!id) return;
    setError('');
    getApplication(id)
      .then(setA)
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  useDidShow(load);

  const send = async () => {
    const body = reply.trim();
    if (sending) return;
    if (!body) return setReplyError('请写下要发送的内容');
    setSending(true);
    setReplyError('');
    try {
      setA(await sendMessage(id, body));
      setReply('');
    } catch (e) {
      setReplyError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  const download = async () => {
    if (downloading) return;
    setDownloading(true);
    setDownloadError('');
    try {
      await downloadPetition(id);
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const withdraw = async () => {
    setWithdrawing('busy');
    setWithdrawError('');
    try {
      setA(await withdrawApplication(id, withdrawReason.trim() || undefined));
      setWithdrawing('idle');
    } catch (e) {
      setWithdrawError(errorMessage(e));
      setWithdrawing('confirm');
    }
  };

  if (!a) {
    return (
      <SafePage className='ap'>
        <DangerBanner />
        {error || !id ? (
          <View className='ap-card'>
            <Text className='ap-error'>{error || '找不到这份申请'}</Text>
            {id ? (
              <Button className='ap-btn ap-btn--soft' onClick={load}>
                重试
              </Button>
            ) : null}
          </View>
        ) : (
          <Text className='ap-hint'>正在加载…</Text>
        )}
      </SafePage>
    );
  }

  const lastStaffMessage = [...a.messages].reverse().find((m) => m.from === 'staff');
  const canMessage = a.status !== 'draft' && a.status !== 'withdrawn';
  const canWithdraw = ['submitted', 'under_review', 'needs_info'].includes(a.status);

  return (
    <SafePage className='ap'>
      <DangerBanner />
      {justSent && a.status === 'submitted' ? (
        <View className='ap-note ap-note--ok' id='sent'>
          <Text className='ap-note__text'>{`已提交。${a.center ? `由「${a.center.name}」为你核对并递交法院。` : ''}`}</Text>
        </View>
      ) : null}
      <StatusCard a={a} />

      {a.status === 'draft' ? (
        <Button className='ap-btn ap-btn--primary' onClick={() => go(`${FORM_PATH}?id=${encodeURIComponent(a.id)}`)}>
          继续填写
        </Button>
      ) : null}

      {a.status === 'needs_info' ? (
        <View className='ap-card ap-needs' id='needs-info'>
          <Text className='ap-card__title'>需要补充材料</Text>
          {lastStaffMessage ? <Text className='ap-paragraph ap-needs__message'>{lastStaffMessage.body}</Text> : null}
          <Text className='ap-hint'>
            {a.editableSections ? `需要补充的部分：${a.editableSections.map((s) => PoSection.labels[s]).join('、')}` : '可以修改申请的任何部分。'}
          </Text>
          <Button
            className='ap-btn ap-btn--primary'
            id='supplement'
            onClick={() => go(`${FORM_PATH}?id=${encodeURIComponent(a.id)}&step=${firstOpenStep(a.editableSections)}`)}
          >
            去补充
          </Button>
        </View>
      ) : null}

      {a.center ? (
        <View className='ap-card'>
          <Text className='ap-label'>负责的服务中心</Text>
          <Text className='ap-center'>{a.center.name}</Text>
          <Button className='ap-btn ap-btn--soft' onClick={() => callNumber(a.center!.phone)}>
            拨打 {a.center.phone}
          </Button>
        </View>
      ) : null}

      {canMessage ? (
        <View className='ap-card' id='messages'>
          <Text className='ap-card__title'>消息</Text>
          {a.messages.length === 0 ? <Text className='ap-hint'>还没有消息。工作人员的留言会显示在这里。</Text> : null}
          {a.messages.map((m) => (
            <View key={m.id} className={`ap-msg ap-msg--${m.from}`}>
              <Text className='ap-msg__who'>{`${m.from === 'staff' ? '工作人员' : '我'} · ${when(m.at)}`}</Text>
              <Text className='ap-msg__body' selectable>
                {m.body}
              </Text>
            </View>
          ))}
          <Textarea id='reply' className='ap-textarea' value={reply} maxlength={REPLY_MAX} placeholder='给工作人员留言' onInput={(e) => setReply(e.detail.value)} />
          {replyError ? <Text className='ap-error'>{replyError}</Text> : null}
          <Button className='ap-btn ap-btn--primary' {...(sending ? { loading: true, disabled: true } : {})} onClick={() => void send()}>
            发送
          </Button>
        </View>
      ) : null}

      <View className='ap-card'>
        <Text className='ap-card__title'>申请书</Text>
        <Text className='ap-hint'>Word 文档，可以打印。保密的住址不会出现在申请书里。</Text>
        <Button id='download' className='ap-btn ap-btn--soft' {...(downloading ? { loading: true, disabled: true } : {})} onClick={() => void download()}>
          {downloading ? '正在下载…' : '下载申请书'}
        </Button>
        <Text className='ap-hint'>下载的文件会保存在这台设备上。如果别人可能查看你的手机，用完后请删除。</Text>
        {downloadError ? <Text className='ap-error'>{downloadError}</Text> : null}
      </View>

      {a.files.length ? (
        <View className='ap-card'>
          <Text className='ap-card__title'>上传的证据</Text>
          <FileList files={a.files} onOpen={(f) => void openEvidence(a.id, f).catch((e: unknown) => setDownloadError(errorMessage(e)))} />
        </View>
      ) : null}

      <View className='ap-card'>
        <Text className='ap-card__title'>进度</Text>
        {a.events.map((e, i) => (
          <View key={`${e.at}-${i}`} className='ap-event'>
            <Text className='ap-event__at'>{when(e.at)}</Text>
            <Text className='ap-event__text'>{eventText(e)}</Text>
          </View>
        ))}
      </View>

      {canWithdraw ? (
        <View className='ap-card'>
          {withdrawing === 'idle' ? (
            <Text className='ap-link' id='withdraw' onClick={() => setWithdrawing('confirm')}>
              撤回申请
            </Text>
          ) : (
            <View>
              <Text className='ap-card__title'>确定要撤回吗？</Text>
              <Text className='ap-hint'>撤回后服务中心不再递交这份申请。以后需要时可以重新申请。</Text>
              <Textarea className='ap-textarea' value={withdrawReason} maxlength={500} placeholder='原因（可不填）' onInput={(e) => setWithdrawReason(e.detail.value)} />
              {withdrawError ? <Text className='ap-error'>{withdrawError}</Text> : null}
              <View className='ap-mine__actions'>
                <Button className='ap-btn ap-btn--danger ap-btn--inline' {...(withdrawing === 'busy' ? { loading: true, disabled: true } : {})} onClick={() => void withdraw()}>
                  确认撤回
                </Button>
                <Button className='ap-btn ap-btn--quiet ap-btn--inline' onClick={() => setWithdrawing('idle')}>
                  取消
                </Button>
              </View>
            </View>
          )}
        </View>
      ) : null}

      <View className='ap-note'>
        <Text className='ap-note__text'>{`遇到危险，请立即拨打 ${Hotlines.police.number}。`}</Text>
      </View>
    </SafePage>
  );
}
