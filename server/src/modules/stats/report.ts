import ExcelJS from 'exceljs';
import { Channel, ConsultationKind, Priority, RequestCategory, type Stats } from '@zjh/shared';

/**
 * The yearly report workbook: a summary sheet phrased like the Federation's own report, then one
 * sheet per area. Only aggregate counts; nothing that names or points at a person.
 */
export async function buildYearlyReport(stats: Stats, year: number, scopeName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '湛家和';
  wb.created = new Date();
  const r = stats.requests;
  const m = stats.mediations;

  const summary = wb.addWorksheet('概要');
  summary.columns = [{ width: 110 }];
  const lines = [
    `${year}年${scopeName}妇联维权服务工作统计`,
    '',
    `${year}年，${scopeName}12338维权服务中心共接访案件${r.cases}宗${r.persons}人次。`,
    `其中列为“急”的${r.byPriority.urgent ?? 0}宗、“重”的${r.byPriority.serious ?? 0}宗、“难”的${r.byPriority.difficult ?? 0}宗；未在时限内受理${r.overdue}宗。`,
    `调解婚姻家事纠纷${m.total}件，县级以上婚调委调解案件${m.countyLevel}件，调解成功并达成协议案件${m.agreements}件，转入诉前联调${m.toCourt}件。`,
    `提供心理、法律和家庭教育咨询预约${stats.consultations.booked}人次，实际到场${stats.consultations.held}人次。`,
    `协助申请人身安全保护令${stats.protectionOrders.applied}件，获法院签发${stats.protectionOrders.granted}件，驳回${stats.protectionOrders.rejected}件。`,
    `举办线上线下家长学堂、心理健康宣传教育课${stats.classes.held}场，参加${stats.classes.attendees}人次。`,
    `发布网络资讯${stats.articles.published}篇，浏览${stats.articles.views}人次；普法有奖问答参与${stats.quiz.participants}人、${stats.quiz.attempts}人次。`,
    '',
    '说明：以上均为汇总数字，不含任何个人信息。',
  ];
  lines.forEach((text, i) => {
    const row = summary.addRow([text]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });

  const table = (name: string, header: [string, string], rows: Array<[string, number]>) => {
    const ws = wb.addWorksheet(name);
    ws.columns = [{ header: header[0], width: 40 }, { header: header[1], width: 14 }];
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
  };

  table('接访', ['项目', '数量'], [
    ['接访案件（宗）', r.cases],
    ['涉及人次', r.persons],
    ...RequestCategory.codes.map((c): [string, number] => [`类别：${RequestCategory.labels[c]}`, r.byCategory[c] ?? 0]),
    ...Channel.codes.map((c): [string, number] => [`来源：${Channel.labels[c]}`, r.byChannel[c] ?? 0]),
    ...Priority.codes.map((c): [string, number] => [`优先级：${Priority.labels[c]}`, r.byPriority[c] ?? 0]),
    ['未在时限内受理', r.overdue],
  ]);
  const monthly = wb.addWorksheet('按月');
  monthly.columns = [{ header: '月份', width: 12 }, { header: '案件（宗）', width: 14 }, { header: '人次', width: 12 }];
  monthly.getRow(1).font = { bold: true };
  for (const x of r.byMonth) monthly.addRow([x.month, x.cases, x.persons]);
  if (!stats.period.centerId) {
    const byCenter = wb.addWorksheet('按中心');
    byCenter.columns = [{ header: '服务中心', width: 60 }, { header: '案件（宗）', width: 14 }, { header: '人次', width: 12 }];
    byCenter.getRow(1).font = { bold: true };
    for (const x of r.byCenter) byCenter.addRow([x.name, x.cases, x.persons]);
  }
  table('调解', ['项目', '数量'], [
    ['调解婚姻家事纠纷（件）', m.total],
    ['县级以上婚调委调解（件）', m.countyLevel],
    ['调解成功并达成协议（件）', m.agreements],
    ['转入诉前联调（件）', m.toCourt],
  ]);
  table('咨询预约', ['项目', '数量'], [
    ['预约（人次）', stats.consultations.booked],
    ['到场', stats.consultations.held],
    ['未到场', stats.consultations.noShow],
    ['取消', stats.consultations.cancelled],
    ...ConsultationKind.codes.map((k): [string, number] => [`类型：${ConsultationKind.labels[k]}`, stats.consultations.byKind[k] ?? 0]),
  ]);
  table('保护令', ['项目', '数量'], [
    ['协助申请（件）', stats.protectionOrders.applied],
    ['签发', stats.protectionOrders.granted],
    ['驳回', stats.protectionOrders.rejected],
  ]);
  table('家长学堂与普法', ['项目', '数量'], [
    ['举办课程（场）', stats.classes.held],
    ['参加（人次）', stats.classes.attendees],
    ['发布资讯（篇）', stats.articles.published],
    ['浏览（人次）', stats.articles.views],
    ['问答参与（人）', stats.quiz.participants],
    ['问答（人次）', stats.quiz.attempts],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
