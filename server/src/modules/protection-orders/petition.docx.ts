import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import {
  PoEvidenceKind,
  PoFiler,
  PoGender,
  PoIncidentType,
  PoMeasureWording,
  PoRelationship,
  shanghaiDate,
  type PoAnswers,
  type PoEvidenceKind as EvidenceKind,
} from '@zjh/shared';

/*
 * The 申请书 in the structure courts use: title, parties, 请求事项, 事实与理由, 证据清单, 此致 the
 * court, signature and date. The respondent can receive a copy, so a confidential address never
 * enters it (not even the ordinary one when she asked for secrecy).
 */

export const CONFIDENTIAL_ADDRESS_LINE = '住址：（申请人要求保密，已另行提交法院）';
const BLANK = '________';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };

export interface PetitionInput {
  answers: PoAnswers;
  /** Count of uploaded files per evidence kind, listed as attachments. */
  attachments: Partial<Record<EvidenceKind, number>>;
  /** The date on the petition: when it was submitted, or today for a draft. */
  date: Date;
}

const value = (v: string | number | null | undefined) => (v === undefined || v === null || String(v).trim() === '' ? BLANK : String(v).trim());

/** 2026-01-05 → 2026年1月5日. */
export function chineseDate(date: string | null | undefined): string {
  if (!date) return BLANK;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const para = (text: string, opts: { bold?: boolean; center?: boolean; indent?: boolean; size?: number; before?: number; right?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.END : AlignmentType.BOTH,
    spacing: { before: opts.before ?? 0, after: 120, line: 440 },
    indent: opts.indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, bold: opts.bold, size: opts.size, font: FONT })],
  });
const heading = (text: string) => para(text, { bold: true, before: 240 });

function partyLines(answers: PoAnswers): Paragraph[] {
  const a = answers.applicant ?? {};
  const r = answers.respondent ?? {};
  const lines: Paragraph[] = [];
  lines.push(para(`申请人：${value(a.name)}，${a.gender ? PoGender.labels[a.gender] : BLANK}，${chineseDate(a.birthDate)}出生${a.idNumber ? `，公民身份号码：${a.idNumber}` : ''}，联系电话：${value(a.phone)}。`, { before: 240 }));
  lines.push(para(a.confidentialAddress === true ? CONFIDENTIAL_ADDRESS_LINE : `住址：${value(a.address)}。`));

  const filer = answers.filer ?? {};
  if (filer.by && filer.by !== 'self') {
    const agent = filer.agent ?? {};
    const kind = PoFiler.labels[filer.by].replace('代为申请', '');
    const who = filer.by === 'close_relative' ? `${value(agent.name)}（申请人的${value(agent.relation)}）` : `${value(agent.name)}（${kind}）`;
    lines.push(para(`代为申请人：${who}${agent.contactPerson ? `，经办人：${agent.contactPerson}` : ''}，联系电话：${value(agent.phone)}${agent.address ? `，地址：${agent.address}` : ''}。`));
    lines.push(para(`代为申请的理由：${value(filer.reason)}。`));
  }

  lines.push(
    para(
      `被申请人：${value(r.name)}，${r.gender ? PoGender.labels[r.gender] : BLANK}，约${value(r.approxAge)}岁${r.phone ? `，联系电话：${r.phone}` : ''}，住址：${value(r.address)}${r.workplace ? `，工作单位：${r.workplace}` : ''}。`,
    ),
  );
  return lines;
}

function requestLines(answers: PoAnswers): Paragraph[] {
  const items = answers.measures?.items ?? [];
  if (items.length === 0) return [para(`一、${BLANK}`, { indent: true })];
  return items.map((m, i) => {
    const text = m === 'other' ? `${PoMeasureWording.other}：${value(answers.measures?.otherText)}` : PoMeasureWording[m];
    return para(`${NUMERALS[i]}、${text}${i === items.length - 1 ? '。' : '；'}`, { indent: true });
  });
}

function factLines(answers: PoAnswers): Paragraph[] {
  const rel = answers.relationship ?? {};
  const lines = [para(`申请人与被申请人的关系：${rel.type ? PoRelationship.labels[rel.type] : BLANK}${rel.detail ? `（${rel.detail}）` : ''}。`, { indent: true })];
  (answers.incidents ?? []).forEach((incident, i) => {
    const types = (incident.types ?? []).map((t) => PoIncidentType.labels[t]).join('、') || BLANK;
    lines.push(para(`${i + 1}. ${chineseDate(incident.date)}，在${value(incident.place)}，被申请人对申请人实施了${types}。经过：${value(incident.description)}`, { indent: true }));
  });
  const children = answers.children ?? {};
  if (children.involved === true) {
    lines.push(para(`本案涉及子女${children.count ? ` ${children.count} 名` : ''}${children.note ? `：${children.note}` : ''}。`, { indent: true }));
  }
  if (answers.urgency?.urgent === true) {
    lines.push(para(`情况紧急：${value(answers.urgency.reason)}。恳请人民法院依照《中华人民共和国反家庭暴力法》第二十八条，在二十四小时内作出裁定。`, { indent: true }));
  }
  lines.push(
    para('申请人遭受家庭暴力或者面临家庭暴力的现实危险。为保护申请人的人身安全，依照《中华人民共和国反家庭暴力法》第二十三条、第二十七条、第二十九条的规定，特向贵院申请人身安全保护令，请依法裁定。', { indent: true }),
  );
  return lines;
}

function evidenceLines(answers: PoAnswers, attachments: PetitionInput['attachments']): Paragraph[] {
  const listed = PoEvidenceKind.codes.filter((k) => answers.evidence?.[k]?.has === true || (attachments[k] ?? 0) > 0);
  if (listed.length === 0) return [para('暂无书面证据，以申请人陈述为准。', { indent: true })];
  return listed.map((k, i) => {
    const note = answers.evidence?.[k]?.note;
    const files = attachments[k] ?? 0;
    return para(`${i + 1}. ${PoEvidenceKind.labels[k]}${note ? `：${note}` : ''}${files ? `（附 ${files} 份）` : ''}`, { indent: true });
  });
}

/** Builds the petition as a .docx file. */
export async function buildPetition(input: PetitionInput): Promise<Buffer> {
  const { answers } = input;
  const onBehalf = answers.filer?.by && answers.filer.by !== 'self';
  const doc = new Document({
    creator: '湛家和',
    title: '人身安全保护令申请书',
    styles: { default: { document: { run: { font: FONT, size: 30 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } },
        children: [
          para('人身安全保护令申请书', { bold: true, center: true, size: 44 }),
          ...partyLines(answers),
          heading('请求事项：'),
          ...requestLines(answers),
          heading('事实与理由：'),
          ...factLines(answers),
          heading('证据清单：'),
          ...evidenceLines(answers, input.attachments),
          para('此致', { before: 360, indent: true }),
          para(value(answers.court?.name)),
          para(`申请人（签名）：${BLANK}`, { before: 480, right: true }),
          ...(onBehalf ? [para(`代为申请人（签名或盖章）：${BLANK}`, { right: true })] : []),
          para(chineseDate(shanghaiDate(input.date)), { right: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
