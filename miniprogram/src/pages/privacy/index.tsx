import { Text, View } from '@tarojs/components';
import { SafePage } from '../../components/safe-page';
import { MyData } from './my-data';
import './index.scss';

interface Section {
  title: string;
  paragraphs: string[];
}

export const PRIVACY_SECTIONS: Section[] = [
  {
    title: '一、我们收集哪些信息，为什么',
    paragraphs: [
      '登录标识：在微信中，我们用微信提供的匿名标识识别你的账号，不获取你的微信号、昵称和头像；在浏览器中，我们为这台设备创建一个匿名账号。这样你才能查看自己提交的求助和预约。',
      '位置：只在你点“使用我的位置”时获取，用于查找离你最近的服务中心，发送前会模糊到约 100 米。只是查找时不会保存；如果你在求助时使用了位置，这个大致位置会随求助加密保存，只有负责的服务中心能看到。你也可以不提供位置，改为选择所在区县。',
      '你主动填写的内容：求助、预约、保护令等服务开放后，你填写的情况说明、联系电话、方便联系的时间等，只用于工作人员为你提供帮助。你可以匿名求助；只有你希望我们联系你时，才需要留下联系方式。',
    ],
  },
  {
    title: '二、敏感个人信息需要你单独同意',
    paragraphs: [
      '你告诉我们的遭遇（例如家庭暴力、婚姻家庭纠纷）、你的位置、证据材料等，属于《中华人民共和国个人信息保护法》第二十八条规定的敏感个人信息。',
      '依照该法第二十九条，在处理这些信息之前，我们会说明用途和对你的影响，并单独请你明确同意。你可以不同意，这不影响你拨打 12338 或 110 求助，也不影响你查看服务中心信息。',
    ],
  },
  {
    title: '三、我们如何保护你的信息',
    paragraphs: [
      '姓名、电话、地址、求助内容、证据材料等在服务器上加密保存。',
      '只有负责为你提供帮助的服务中心工作人员可以查看，每一次查看都会被记录。',
      '你的手机或电脑上只保存一个登录凭证，不保存你填写的任何内容。',
      '我们发给你的通知不会出现与家庭暴力、法律纠纷有关的字眼。',
      '除非经你同意（例如转介给公安、法院、民政等部门），或法律、行政法规另有规定，我们不会向他人提供你的信息。',
      '我们只在提供帮助所需的期限内保存你的信息，期满后删除或作匿名化处理。',
    ],
  },
  {
    title: '四、你可以查看和删除自己的信息',
    paragraphs: [
      '你可以查看自己提交的求助和预约记录，也可以随时撤回同意、要求更正，或者要求删除你的信息和账号。',
      '在本页下方点“查看我的数据”，可以看到我们为你保存的全部内容；点“删除我的数据”，会注销你的账号，并删除求助中的联系方式和位置。你也可以拨打 12338 或到任一服务中心提出，我们会在核实后尽快处理。',
    ],
  },
  {
    title: '五、快速离开',
    paragraphs: [
      '每个页面右上角都有“快速离开”按钮。在微信中点一下，会清除小程序保存在手机上的数据并关闭小程序；在浏览器中点一下，会清除登录凭证并转到一个普通的生活资讯页面。',
      '使用电脑浏览器时，连续按三次 Shift 键也可以快速离开。',
      '如果担心别人查看你的手机：用完后可以在微信“最近使用”的小程序列表中删除本小程序；使用浏览器时可以开启无痕模式，或清除浏览记录。',
      '请注意：快速离开不能删除你在此之前留下的浏览记录。在和别人共用的手机或电脑上，使用浏览器的无痕（隐私）窗口会更安全。',
    ],
  },
  {
    title: '六、联系我们',
    paragraphs: [
      '本服务由湛江市妇女联合会及全市 12 个 12338 妇联维权服务中心提供。对个人信息保护有任何疑问或要求，请拨打 12338 妇女维权热线。',
    ],
  },
];

/** 个人信息保护说明: what is collected and why, consent for sensitive information, her rights, quick exit. */
export default function PrivacyPage() {
  return (
    <SafePage className='privacy' privacySheet={false}>
      <Text className='privacy__title'>个人信息保护说明</Text>
      <Text className='privacy__lead'>
        湛家和是湛江市妇女联合会和全市 12338 妇联维权服务中心提供的求助服务。你的信息可能关系到你的安全，所以我们只收集必要的信息，并尽力保护好它。
      </Text>
      {PRIVACY_SECTIONS.map((section) => (
        <View key={section.title} className='privacy__section'>
          <Text className='privacy__heading'>{section.title}</Text>
          {section.paragraphs.map((p) => (
            <Text key={p} className='privacy__paragraph'>
              {p}
            </Text>
          ))}
        </View>
      ))}
      <MyData />
    </SafePage>
  );
}
