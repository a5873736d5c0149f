import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { TimelineItem } from '@zjh/shared';
import { MEDIATION_REGISTER_PATH } from '../../services/staff-mediation';

/**
 * On a help request: 转入调解 opens the mediation form for it (center and category follow the
 * request). Once a case was opened from it, the request's timeline names the case instead.
 */
export function ToMediationPanel({ requestId, timeline }: { requestId: string; timeline: TimelineItem[] }) {
  const opened = timeline.find((e) => e.type === 'mediation_opened');
  const go = () => Promise.resolve(Taro.navigateTo({ url: `${MEDIATION_REGISTER_PATH}?fromRequestId=${encodeURIComponent(requestId)}` })).catch(() => undefined);
  return (
    <View className='staff-card rq-panel' id='rq-mediation'>
      <Text className='rq-panel__title'>婚姻家庭纠纷调解</Text>
      {opened ? (
        <Text className='rq-panel__hint'>{`已转入调解案件 ${opened.to ?? ''}，在“调解案件”中办理。`}</Text>
      ) : (
        <>
          <Text className='rq-panel__hint'>双方愿意调解的纠纷，可转为婚调委调解案件：当事人、同意调解、调解记录和协议在调解案件中办理。</Text>
          <Button id='rq-to-mediation' className='staff-btn rq-btn rq-btn--quiet' onClick={() => void go()}>
            转入调解
          </Button>
        </>
      )}
    </View>
  );
}
