import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PoStatus, type MyProtectionOrderSummary } from '@zjh/shared';
import { useRef, useState } from 'react';
import { SafePage } from '../../components/safe-page';
import { errorMessage } from '../../services/api';
import { deleteDraft, DETAIL_PATH, FORM_PATH, listMyApplications, startApplication } from '../../services/applications';
import { newIdempotencyKey } from '../../services/idempotency';
import { dateOf, timeOf } from '../../services/shanghai-time';
import { DangerBanner } from './danger-banner';
import './interview.scss';
import './index.scss';

function go(url: string) {
  Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined);
}

const when = (iso: string) => `${dateOf(iso)} ${timeOf(iso)}`;

const FACTS: Array<{ title: string; text: string }> = [
  {
    title: '这是什么',
    text: '人身安全保护令是法院发出的命令，保护正在遭受家庭暴力、或者面临家庭暴力现实危险的人。法院可以禁止对方实施家庭暴力，禁止对方骚扰、跟踪、接触申请人和她的近亲属，责令对方搬出申请人的住所。不需要先离婚或起诉，可以单独申请，申请不收费。',
  },
  {
    title: '谁可以申请',
    text: '受到伤害或面临危险的人可以自己申请。她因为受到强制、威吓等原因不能自己申请的，她的近亲属、公安机关、妇女联合会、居民委员会、村民委员会、救助管理机构可以代为申请（反家庭暴力法第二十三条）。家庭成员之间、同居的人之间都适用。',
  },
  { title: '法院多快决定', text: '法院受理后 72 小时内决定是否发出保护令；情况紧急的，24 小时内决定（第二十八条）。' },
  { title: '能保护多久', text: '保护令最长 6 个月，从法院作出之日起生效；快到期时可以申请延长（第三十条）。' },
  {
    title: '之后会怎样',
    text: '法院会把保护令送达申请人、对方，以及当地公安机关和居民委员会、村民委员会，由他们协助执行（第三十二条）。对方违反保护令的，会被训诫、罚款或拘留，严重的追究刑事责任。',
  },
];

/** Her applications and where each one stands. */
function MyList({ items, onChanged }: { items: MyProtectionOrderSummary[]; onChanged: () => void }) {
  const [confirming, setConfirming] = useState('');
  const [error, setError] = useState('');
  if (items.length === 0) return null;
  const remove = async (id: string) => {
    setError('');
    try {
      await deleteDraft(id);
      setConfirming('');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <View className='ap-card' id='my-applications'>
      <Text className='ap-card__title'>我的申请</Text>
      {items.map((a) => {
        const draft = a.status === 'draft';
        return (
          <View key={a.id} className='ap-mine'>
            <View className='ap-mine__head'>
              <Text className={`ap-status ap-status--${a.status}`}>{PoStatus.labels[a.status]}</Text>
              {a.extendsId ? <Text className='ap-mine__tag'>延长申请</Text> : null}
            </View>
            <Text className='ap-mine__meta'>{`${a.court ?? '未选法院'} · 更新于 ${when(a.updatedAt)}`}</Text>
            {draft ? <Text className='ap-mine__meta'>{a.missingCount ? `还差 ${a.missingCount} 项` : '已填好，可以提交'}</Text> : null}
            <View className='ap-mine__actions'>
              <Button
                className='ap-btn ap-btn--soft ap-btn--inline'
                onClick={() => go(draft ? `${FORM_PATH}?id=${encodeURIComponent(a.id)}` : `${DETAIL_PATH}?id=${encodeURIComponent(a.id)}`)}
              >
                {draft ? '继续填写' : '查看进展'}
              </Button>
              {draft && confirming !== a.id ? (
                <Text className='ap-link ap-mine__delete' onClick={() => setConfirming(a.id)}>
                  删除草稿
                </Text>
              ) : null}
            </View>
            {confirming === a.id ? (
              <View className='ap-confirm'>
                <Text className='ap-hint'>删除后，填写的内容和上传的文件都会删除，不能恢复。</Text>
                <View className='ap-mine__actions'>
                  <Button className='ap-btn ap-btn--danger ap-btn--inline' onClick={() => void remove(a.id)}>
                    确认删除
                  </Button>
                  <Button className='ap-btn ap-btn--quiet ap-btn--inline' onClick={() => setConfirming('')}>
                    取消
                  </Button>
                </View>
              </View>
            ) : null}
          </View>
        );
      })}
      {error ? <Text className='ap-error'>{error}</Text> : null}
    </View>
  );
}

/**
 * What a personal safety protection order is, in plain words, and the way into the application:
 * start a new one, continue a draft, or follow one already submitted.
 */
export default function ApplicationsPage() {
  const [items, setItems] = useState<MyProtectionOrderSummary[] | null>(null);
  const [error, setError] = useState('');
  const [starting, setStarting] = useState(false);
  // One key per tap on 开始填写: a retry after a lost answer gets the same draft.
  const key = useRef(newIdempotencyKey('po'));

  const load = () => {
    listMyApplications()
      .then(setItems)
      .catch((e: unknown) => {
        setItems([]);
        setError(errorMessage(e));
      });
  };
  useDidShow(load);

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setError('');
    try {
      const created = await startApplication(key.current);
      key.current = newIdempotencyKey('po');
      go(`${FORM_PATH}?id=${encodeURIComponent(created.id)}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  const drafts = (items ?? []).filter((a) => a.status === 'draft');
  const latest = drafts[0];

  return (
    <SafePage className='ap'>
      <DangerBanner />
      <Text className='ap-title'>人身安全保护令</Text>
      <Text className='ap-lead'>如果家里有人打你、威胁你、跟踪或骚扰你，可以向法院申请人身安全保护令。我们帮你一步一步填好申请，并由服务中心帮你递交法院。</Text>

      <View className='ap-note'>
        <Text className='ap-note__text'>你填写的内容加密保存在服务器上，不会留在这台设备里，只有负责的服务中心能看到。住址可以选择对对方保密。</Text>
      </View>

      <View className='ap-start'>
        {latest ? (
          <Button className='ap-btn ap-btn--primary' id='continue' onClick={() => go(`${FORM_PATH}?id=${encodeURIComponent(latest.id)}`)}>
            继续填写
          </Button>
        ) : null}
        <Button
          id='start'
          className={`ap-btn ${latest ? 'ap-btn--quiet' : 'ap-btn--primary'}`}
          {...(starting ? { loading: true, disabled: true } : {})}
          onClick={() => void start()}
        >
          {latest ? '重新开始一份申请' : '开始填写'}
        </Button>
        {error ? <Text className='ap-error'>{error}</Text> : null}
      </View>

      <MyList items={items ?? []} onChanged={load} />

      <Text className='ap-subtitle'>了解人身安全保护令</Text>
      {FACTS.map((f) => (
        <View key={f.title} className='ap-card ap-fact'>
          <Text className='ap-card__title'>{f.title}</Text>
          <Text className='ap-paragraph'>{f.text}</Text>
        </View>
      ))}

      <View className='ap-card ap-fact'>
        <Text className='ap-card__title'>在这里怎样申请</Text>
        <Text className='ap-paragraph'>1. 按提示一步一步填写，随时自动保存，可以分几次填完。</Text>
        <Text className='ap-paragraph'>2. 提交后，服务中心工作人员核对材料，需要时请你补充。</Text>
        <Text className='ap-paragraph'>3. 工作人员帮你把申请书递交法院，你可以在这里看到进展和法院的决定。</Text>
        <Text className='ap-hint'>吴川市妇联与吴川市人民法院在湛江率先建立了“一站式”保护令申请机制，线上线下都可以申请。其他区县的服务中心同样会帮你递交。</Text>
      </View>
    </SafePage>
  );
}
