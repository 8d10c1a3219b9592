import { Descriptions, Empty, Table, Tabs, Tag, Typography } from 'antd';
import {
  GUIDE_LANG_LABELS,
  GuideLang,
  ITEM_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  SPECIAL_PROCEDURE_LABELS,
  type CatalogMaterial,
  type CatalogVersion,
} from '@tongban/contracts';
import { dateTime, daysLabel, handlingLabel, onlineLevelLabel, visitsLabel, yuan } from './catalog-format';

const Pre = ({ text }: { text: string }) =>
  text.trim() ? (
    <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
  ) : (
    <Typography.Text type="secondary">未填写</Typography.Text>
  );

/** Every 实施清单 element of one version, for staff. */
export function VersionView({ v }: { v: CatalogVersion }) {
  return (
    <div data-testid={`version-view-${v.status}`}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="事项名称">{v.name}</Descriptions.Item>
        <Descriptions.Item label="事项编码">{v.itemCode}</Descriptions.Item>
        <Descriptions.Item label="事项类型">{ITEM_TYPE_LABELS[v.itemType]}</Descriptions.Item>
        <Descriptions.Item label="实施部门">{v.departmentName}</Descriptions.Item>
        <Descriptions.Item label="办件类型">{handlingLabel(v.handling)}</Descriptions.Item>
        <Descriptions.Item label="网办深度">{onlineLevelLabel(v.onlineLevel)}</Descriptions.Item>
        <Descriptions.Item label="法定办结时限">{daysLabel(v.legalLimitDays)}</Descriptions.Item>
        <Descriptions.Item label="承诺办结时限">
          <span data-testid="version-promised">{daysLabel(v.promisedLimitDays)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="到现场次数">{visitsLabel(v.maxVisits)}</Descriptions.Item>
        <Descriptions.Item label="进驻大厅">
          {v.hallExemption === null ? (
            <Tag color="green">进驻大厅</Tag>
          ) : (
            <span>
              <Tag color="orange">负面清单</Tag>
              {v.hallExemption}
            </span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="办理地点">{v.location || '—'}</Descriptions.Item>
        <Descriptions.Item label="办理时间">{v.hours || '—'}</Descriptions.Item>
        <Descriptions.Item label="咨询电话">{v.consultPhone || '—'}</Descriptions.Item>
        <Descriptions.Item label="监督投诉电话">{v.complaintPhone || '—'}</Descriptions.Item>
        <Descriptions.Item label="设定依据" span={2}>
          {v.legalBasis.length === 0
            ? '—'
            : v.legalBasis.map((b, i) => (
                <div key={i}>
                  {b.name} {b.article}
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label="受理条件" span={2}>
          <Pre text={v.acceptanceConditions} />
        </Descriptions.Item>
        <Descriptions.Item label="办理环节" span={2}>
          {v.steps.join(' → ')}
        </Descriptions.Item>
        <Descriptions.Item label="特殊环节" span={2}>
          {v.specialProcedures.length === 0
            ? '无'
            : v.specialProcedures.map((p) => (
                <div key={p.kind}>
                  {SPECIAL_PROCEDURE_LABELS[p.kind]}：{p.days} 个工作日，{p.countsInLimit ? '计入' : '不计入'}
                  法定时限{p.legalBasis && `（${p.legalBasis}）`}
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label="收费" span={2}>
          {v.fees.length === 0
            ? '不收费'
            : v.fees.map((f) => (
                <div key={f.name}>
                  {f.name}：{yuan(f.amountFen)} 元（{f.basis}）
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label="创建时间">{dateTime(v.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="发布时间">{dateTime(v.publishedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>申请材料</Typography.Title>
      <Table<CatalogMaterial>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={v.materials}
        style={{ marginBottom: 16 }}
        locale={{ emptyText: <Empty description="尚未填写申请材料" /> }}
        columns={[
          { title: '序号', key: 'no', width: 60, render: (_, __, i) => i + 1 },
          { title: '材料名称', dataIndex: 'name' },
          {
            title: '必要性',
            key: 'requirement',
            width: 200,
            render: (_, m) =>
              m.requirement === 'conditional'
                ? `${MATERIAL_REQUIREMENT_LABELS[m.requirement]}：${m.condition}`
                : MATERIAL_REQUIREMENT_LABELS[m.requirement],
          },
          {
            title: '形式',
            dataIndex: 'form',
            width: 80,
            render: (f: CatalogMaterial['form']) => MATERIAL_FORM_LABELS[f],
          },
          { title: '份数', dataIndex: 'copies', width: 60 },
          {
            title: '容缺 / 免提交',
            key: 'flags',
            width: 220,
            render: (_, m) => (
              <>
                {m.deferrable && <Tag color="blue">可容缺</Tag>}
                {m.licenseTypeCode && <Tag color="green">免提交（证照 {m.licenseTypeCode}）</Tag>}
              </>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>办事指南</Typography.Title>
      <Tabs
        items={GuideLang.options.map((lang) => {
          const g = v.guides[lang];
          return {
            key: lang,
            label: g ? (
              GUIDE_LANG_LABELS[lang]
            ) : (
              <Typography.Text type="secondary">{GUIDE_LANG_LABELS[lang]}（无）</Typography.Text>
            ),
            disabled: !g,
            children: g && (
              <Descriptions bordered size="small" column={1}>
                <Descriptions.Item label="名称">{g.name}</Descriptions.Item>
                <Descriptions.Item label="受理条件">
                  <Pre text={g.conditions} />
                </Descriptions.Item>
                <Descriptions.Item label="办理流程">
                  <Pre text={g.process} />
                </Descriptions.Item>
                <Descriptions.Item label="注意事项">
                  <Pre text={g.notes} />
                </Descriptions.Item>
              </Descriptions>
            ),
          };
        })}
      />
    </div>
  );
}
