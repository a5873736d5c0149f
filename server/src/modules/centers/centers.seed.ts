import type { CenterService } from '@zjh/shared';

/**
 * The twelve 12338 rights-service centers of Zhanjiang (source report: "打造12338妇联维权服务中心12个").
 * SAMPLE DATA: coordinates are approximate district centres, and addresses and phone numbers are
 * placeholders until the Federation confirms them; an admin can edit every field.
 */
export interface CenterSeed {
  code: string;
  name: string;
  district: string;
  address: string;
  phone: string;
  hours: string;
  lat: number;
  lng: number;
  services: CenterService[];
  note: string | null;
}

const WEEKDAYS = '周一至周五 08:30–12:00，14:30–17:30';
const LOCAL: CenterService[] = ['legal', 'mediation', 'protection_order'];

export const CENTER_SEEDS: CenterSeed[] = [
  {
    code: 'zj-station',
    name: '广东省妇女维权与信息服务站（湛江站）/ 湛江市12338妇联维权服务中心',
    district: '赤坎区',
    address: '湛江市赤坎区（示例地址，待核实）',
    phone: '0759-12338',
    hours: `${WEEKDAYS}；心理咨询师每周三 09:00–12:00，律师每周四 09:00–12:00、14:30–17:30`,
    lat: 21.271,
    lng: 110.359,
    services: ['psychological', 'legal', 'family_education', 'mediation', 'protection_order', 'classes'],
    note: '市妇联婚调委；“律师进妇联”项目；“湛家馨”家庭教育指导工作室及线上家长学堂',
  },
  { code: 'chikan', name: '赤坎区12338妇联维权服务中心', district: '赤坎区', address: '湛江市赤坎区（示例地址，待核实）', phone: '0759-0000002', hours: WEEKDAYS, lat: 21.266, lng: 110.365, services: [...LOCAL, 'psychological'], note: null },
  { code: 'xiashan', name: '霞山区12338妇联维权服务中心', district: '霞山区', address: '湛江市霞山区（示例地址，待核实）', phone: '0759-0000003', hours: WEEKDAYS, lat: 21.192, lng: 110.398, services: [...LOCAL, 'psychological', 'classes'], note: null },
  { code: 'mazhang', name: '麻章区12338妇联维权服务中心', district: '麻章区', address: '湛江市麻章区（示例地址，待核实）', phone: '0759-0000004', hours: WEEKDAYS, lat: 21.263, lng: 110.334, services: [...LOCAL], note: null },
  { code: 'potou', name: '坡头区12338妇联维权服务中心', district: '坡头区', address: '湛江市坡头区（示例地址，待核实）', phone: '0759-0000005', hours: WEEKDAYS, lat: 21.245, lng: 110.455, services: [...LOCAL, 'psychological', 'family_education'], note: '“家+暖”法官家事调解工作室（20名法官、42名律师、172名心理咨询师）' },
  { code: 'zetdz', name: '湛江经开区12338妇联维权服务中心', district: '湛江经开区', address: '湛江经济技术开发区（示例地址，待核实）', phone: '0759-0000006', hours: WEEKDAYS, lat: 21.2, lng: 110.43, services: [...LOCAL, 'classes'], note: '“妇联+社区+志愿者”调解模式，深入社区开展矛盾排查与调解' },
  { code: 'wuchuan', name: '吴川市12338妇联维权服务中心', district: '吴川市', address: '吴川市（示例地址，待核实）', phone: '0759-0000007', hours: WEEKDAYS, lat: 21.441, lng: 110.779, services: [...LOCAL, 'psychological'], note: '与吴川市法院联动的“一站式”人身安全保护令申请机制（线上线下并行）' },
  { code: 'lianjiang', name: '廉江市12338妇联维权服务中心', district: '廉江市', address: '廉江市（示例地址，待核实）', phone: '0759-0000008', hours: WEEKDAYS, lat: 21.611, lng: 110.286, services: [...LOCAL, 'classes'], note: null },
  { code: 'leizhou', name: '雷州市12338妇联维权服务中心', district: '雷州市', address: '雷州市（示例地址，待核实）', phone: '0759-0000009', hours: WEEKDAYS, lat: 20.914, lng: 110.097, services: [...LOCAL, 'psychological'], note: null },
  { code: 'suixi', name: '遂溪县12338妇联维权服务中心', district: '遂溪县', address: '遂溪县（示例地址，待核实）', phone: '0759-0000010', hours: WEEKDAYS, lat: 21.377, lng: 110.25, services: [...LOCAL], note: null },
  { code: 'xuwen', name: '徐闻县12338妇联维权服务中心', district: '徐闻县', address: '徐闻县（示例地址，待核实）', phone: '0759-0000011', hours: WEEKDAYS, lat: 20.326, lng: 110.175, services: [...LOCAL, 'family_education'], note: null },
  { code: 'fenyong', name: '奋勇高新区12338妇联维权服务中心', district: '奋勇高新区', address: '湛江奋勇高新区（示例地址，待核实）', phone: '0759-0000012', hours: WEEKDAYS, lat: 21.3, lng: 110.22, services: [...LOCAL], note: null },
];
