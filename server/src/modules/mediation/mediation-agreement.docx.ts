import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { CommitteeTitle, MediationPartyRole, PartyGender, SHANGHAI_OFFSET_MS, type CommitteeLevel, type MediationAgreement } from '@zjh/shared';
import type { StoredParty } from './mediation.entity';

export interface AgreementDocInput {
  ref: string;
  centerName: string;
  committeeLevel: CommitteeLevel;
  committeeName: string | null;
  parties: StoredParty[];
  summary: string;
  agreement: MediationAgreement;
  mediators: string[];
}

/** The calendar date of an instant in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-01-05 → 2026年1月5日, as dates are written on Chinese legal documents. */
export function chineseDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const DIGITS = '零一二三四五六七八九';
/** Clause numbers as written in Chinese documents: 一、二 … 十一 … 九十九. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const line = (text: string, opts: { bold?: boolean; indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: opts.align,
    indent: opts.indent ? { firstLine: 560 } : undefined,
    spacing: { after: 120, line: 400 },
    children: [new TextRun({ text, bold: opts.bold })],
  });
const heading = (text: string) => line(text, { bold: true });

function partyLine(p: StoredParty): string {
  const role = p.role === 'other' ? `${MediationPartyRole.other}（${p.roleNote ?? '其他'}）` : MediationPartyRole[p.role];
  // Phone numbers stay out of the document: it is printed and handed to the other side.
  const facts = [p.name, p.gender ? PartyGender[p.gender] : null, p.address ? `住址：${p.address}` : null].filter(Boolean);
  return `${role}：${facts.join('，')}`;
}

/** Builds the 人民调解协议书 (人民调解法 arts. 28–29) from the recorded case and terms. */
export async function buildAgreementDocx(input: AgreementDocInput): Promise<Buffer> {
  const committee = input.committeeName ?? `${input.centerName}${CommitteeTitle[input.committeeLevel]}`;
  const a = input.agreement;
  const copiesLine =
    a.copies === input.parties.length + 1 ? `本协议一式${chineseNumber(a.copies)}份，当事人、调解组织各持一份。` : `本协议一式${chineseNumber(a.copies)}份。`;
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: '人民调解协议书', bold: true, size: 44 })] }),
    line(`编号：${input.ref}`, { align: AlignmentType.RIGHT }),
    line(`调解组织：${committee}`),
    heading('当事人'),
    ...input.parties.map((p) => line(partyLine(p), { indent: true })),
    heading('纠纷主要事实、争议事项：'),
    ...input.summary.split(/\r?\n/).filter((s) => s.trim()).map((s) => line(s.trim(), { indent: true })),
    heading('经调解，自愿达成如下协议：'),
    ...a.clauses.map((clause, i) => line(`${chineseNumber(i + 1)}、${clause}`, { indent: true })),
    heading('履行方式、时限：'),
    ...a.performance.split(/\r?\n/).filter((s) => s.trim()).map((s) => line(s.trim(), { indent: true })),
    line(copiesLine, { indent: true }),
    line('本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖调解组织印章之日起生效。', { indent: true }),
    heading('当事人（签名、盖章或按指印）：'),
    ...input.parties.map((p) => line(`${p.role === 'other' ? (p.roleNote ?? MediationPartyRole.other) : MediationPartyRole[p.role]}：${p.name}　　　　签名：____________________`, { indent: true })),
    heading('人民调解员（签名）：'),
    ...(input.mediators.length ? input.mediators : ['']).map((name) => line(`${name || '　　　　'}　　　　签名：____________________`, { indent: true })),
    line(`${committee}（盖章）`, { align: AlignmentType.RIGHT }),
    line(chineseDate(a.signedOn), { align: AlignmentType.RIGHT }),
  ];
  const doc = new Document({
    creator: '湛家和',
    title: `人民调解协议书 ${input.ref}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
