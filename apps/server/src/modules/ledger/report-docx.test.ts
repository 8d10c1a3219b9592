import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderReportDocx } from './report-docx';
import { buildReportModel, type LedgerSnapshot } from './report-model';

const ledger: LedgerSnapshot = {
  issuer: '中共某区政务服务中心党组',
  inspection: {
    kind: 'xuncha',
    team: '区委第二巡察组',
    inspectedUnit: '某区政务服务中心党组',
    periodStart: '2024-03-04',
    periodEnd: '2024-04-19',
    feedbackDate: '2024-05-20',
  },
  categories: [{ id: 'c1', title: '政务服务便民化推进不力方面', order: 1 }],
  findings: [
    {
      id: 'f1',
      number: 1,
      title: '投诉处理不闭环',
      description: '意见簿中10件投诉有6件无人回访。',
      categoryId: 'c1',
      source: 'inspection',
      measures: [
        {
          id: 'm1',
          content: '逐件回访意见簿中的投诉',
          owner: '张三',
          kind: 'immediate',
          state: 'signed_off',
          signedOffAt: '2024-06-10',
          progress: [{ date: '2024-06-05', text: '10件投诉全部回访', evidenceCount: 10 }],
        },
        {
          id: 'm2',
          content: '建立投诉回访台账',
          owner: '李四',
          dueDate: '2024-07-31',
          kind: 'deadline',
          state: 'awaiting_signoff',
          progress: [{ date: '2024-07-20', text: '台账已上线', evidenceCount: 1 }],
        },
      ],
    },
    {
      id: 'f2',
      number: 2,
      title: '窗口人员脱岗',
      description: '巡查记录显示窗口人员多次脱岗。',
      categoryId: 'c1',
      source: 'patrols',
      measures: [{ id: 'm3', content: '每日四次巡查', kind: 'immediate', state: 'signed_off', progress: [] }],
    },
  ],
  accountability: [
    { kind: 'reminder_talk', count: 3, date: '2024-06-01' },
    { kind: 'admonishment_talk', count: 1, date: '2024-06-02' },
  ],
  regulations: [
    { name: '投诉处理办法', docNumber: '某政服〔2024〕3号', date: '2024-06-15', findingIds: ['f1'] },
  ],
  recoveries: [{ amountFen: 1_320_000, kind: 'refunded', findingId: 'f2' }],
  leadsReferred: 2,
  narratives: {
    workDone: '成立巡察整改工作领导小组。\n逐项制定整改措施，建立台账。',
    nextSteps: '适时开展“回头看”。',
  },
  contact: { phone: '0000-1234567', email: 'ledger@example.org', address: '某区政务服务中心三楼' },
};

/** Reads one entry of the .docx zip (central directory → local header → deflate). */
function readZipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  const entries = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in zip`);
}

describe('renderReportDocx', () => {
  it('writes the report with its headings and the computed numbers (TRUTH-1, REC-1)', async () => {
    const model = buildReportModel(ledger, new Date('2024-08-01T02:00:00Z'));
    const buffer = await renderReportDocx(model);
    const { value: text } = await mammoth.extractRawText({ buffer });

    expect(text).toContain('中共某区政务服务中心党组关于区委第二巡察组巡察整改进展情况的通报');
    for (const heading of [
      '一、整改工作开展情况',
      '二、反馈问题整改落实情况',
      '三、问题线索处理情况',
      '四、下一步工作',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('（一）政务服务便民化推进不力方面');
    expect(text).toContain('1.投诉处理不闭环');
    expect(text).toContain('问题表现：意见簿中10件投诉有6件无人回访。');
    expect(text).toContain('2024年6月5日，10件投诉全部回访。');
    // REC-1: finding 1 has a measure awaiting sign-off, so only finding 2 is done; one of the two
    // measures of finding 1 is past its due date on 2024-08-01.
    expect(text).toContain('反馈的2个问题中，已完成整改1个，正在推进1个，需长期坚持0个');
    expect(text).toContain('制定整改措施3项，已销号2项，逾期未完成1项；建立完善制度1项');
    expect(text).toContain('移交问题线索2件');
    expect(text).toContain('共问责4人次，其中提醒谈话3人次，诫勉谈话1人次');
    expect(text).toContain('退还资金13200.00元');
    expect(text).toContain(
      '联系电话：0000-1234567；电子邮箱：ledger@example.org；通信地址：某区政务服务中心三楼',
    );
    // 落款 (issue 14 point 14): the issuing unit and the date close the document, as in the preview.
    expect(text.trimEnd()).toMatch(/中共某区政务服务中心党组\s+2024年8月1日$/);
  });

  it('lays the page out per GB/T 9704-2012', async () => {
    const buffer = await renderReportDocx(buildReportModel(ledger, new Date('2024-08-01T02:00:00Z')));
    const xml = readZipEntry(buffer, 'word/document.xml');

    // A4 and margins 37/35/28/26 mm in twips (1 mm = 56.7 twips).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:right="1474"/);
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('黑体');
    expect(xml).toContain('楷体_GB2312');
    expect(xml).toMatch(/w:line="578" w:lineRule="exact"/);
    expect(xml).toContain('w:firstLineChars="200"');

    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((f) => readZipEntry(buffer, f)).join('');
    expect(footers).toContain('PAGE');
    expect(footers).toContain('— ');
    expect(footers).toContain('宋体');
  });
});
