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
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

const Pre = ({ text }: { text: string }) =>
  text.trim() ? (
    <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
  ) : (
    <Typography.Text type="secondary">{tr('catalog.versionView.notFilledIn')}</Typography.Text>
  );

/** Every 实施清单 element of one version, for staff. */
export function VersionView({ v }: { v: CatalogVersion }) {
  return (
    <div data-testid={`version-view-${v.status}`}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={tr('catalog.versionView.itemName')}>{v.name}</Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.itemCode')}>{v.itemCode}</Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.itemType')}>
          {labelsOf(ITEM_TYPE_LABELS)[v.itemType]}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.department')}>{v.departmentName}</Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.caseType')}>
          {handlingLabel(v.handling)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.onlineLevel')}>
          {onlineLevelLabel(v.onlineLevel)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.legalTimeLimit')}>
          {daysLabel(v.legalLimitDays)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.promisedTimeLimit')}>
          <span data-testid="version-promised">{daysLabel(v.promisedLimitDays)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.visits')}>
          {visitsLabel(v.maxVisits)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.inTheHall')}>
          {v.hallExemption === null ? (
            <Tag color="green">{tr('catalog.versionView.inTheHall')}</Tag>
          ) : (
            <span>
              <Tag color="orange">{tr('catalog.versionView.negativeList')}</Tag>
              {v.hallExemption}
            </span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.place')}>{v.location || '—'}</Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.hours')}>{v.hours || '—'}</Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.enquiries')}>
          {v.consultPhone || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.complaints')}>
          {v.complaintPhone || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.legalBasis')} span={2}>
          {v.legalBasis.length === 0
            ? '—'
            : v.legalBasis.map((b, i) => (
                <div key={i}>
                  {b.name} {b.article}
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.conditions')} span={2}>
          <Pre text={v.acceptanceConditions} />
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.steps')} span={2}>
          {v.steps.join(' → ')}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.specialProcedures')} span={2}>
          {v.specialProcedures.length === 0
            ? tr('catalog.versionView.none')
            : v.specialProcedures.map((p) => (
                <div key={p.kind}>
                  {labelsOf(SPECIAL_PROCEDURE_LABELS)[p.kind]}：{p.days}{' '}
                  {tr('catalog.versionView.workingDays')}
                  {p.countsInLimit
                    ? tr('catalog.versionView.counts')
                    : tr('catalog.versionView.doesNotCount')}
                  {tr('catalog.versionView.legalLimit')}
                  {p.legalBasis && `（${p.legalBasis}）`}
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.fees')} span={2}>
          {v.fees.length === 0
            ? tr('catalog.versionView.freeOfCharge')
            : v.fees.map((f) => (
                <div key={f.name}>
                  {f.name}：{yuan(f.amountFen)} {tr('catalog.versionView.yuan')}
                  {f.basis}）
                </div>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.createdAt')}>
          {dateTime(v.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={tr('catalog.versionView.publishedAt')}>
          {dateTime(v.publishedAt)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{tr('catalog.versionView.materials')}</Typography.Title>
      <Table<CatalogMaterial>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={v.materials}
        style={{ marginBottom: 16 }}
        locale={{ emptyText: <Empty description={tr('catalog.versionView.noMaterialsEnteredYet')} /> }}
        columns={[
          { title: tr('catalog.versionView.no'), key: 'no', width: 60, render: (_, __, i) => i + 1 },
          { title: tr('catalog.versionView.material'), dataIndex: 'name' },
          {
            title: tr('catalog.versionView.necessity'),
            key: 'requirement',
            width: 200,
            render: (_, m) =>
              m.requirement === 'conditional'
                ? `${labelsOf(MATERIAL_REQUIREMENT_LABELS)[m.requirement]}：${m.condition}`
                : labelsOf(MATERIAL_REQUIREMENT_LABELS)[m.requirement],
          },
          {
            title: tr('catalog.versionView.form'),
            dataIndex: 'form',
            width: 80,
            render: (f: CatalogMaterial['form']) => labelsOf(MATERIAL_FORM_LABELS)[f],
          },
          { title: tr('catalog.versionView.copies'), dataIndex: 'copies', width: 60 },
          {
            title: tr('catalog.versionView.deferrableNotNeeded'),
            key: 'flags',
            width: 220,
            render: (_, m) => (
              <>
                {m.deferrable && <Tag color="blue">{tr('catalog.versionView.mayBeDeferred')}</Tag>}
                {m.licenseTypeCode && (
                  <Tag color="green">
                    {tr('catalog.versionView.notNeededLicense')} {m.licenseTypeCode}）
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{tr('catalog.versionView.serviceGuide')}</Typography.Title>
      <Tabs
        items={GuideLang.options.map((lang) => {
          const g = v.guides[lang];
          return {
            key: lang,
            label: g ? (
              labelsOf(GUIDE_LANG_LABELS)[lang]
            ) : (
              <Typography.Text type="secondary">
                {labelsOf(GUIDE_LANG_LABELS)[lang]}
                {tr('catalog.versionView.none2')}
              </Typography.Text>
            ),
            disabled: !g,
            children: g && (
              <Descriptions bordered size="small" column={1}>
                <Descriptions.Item label={tr('catalog.versionView.name')}>{g.name}</Descriptions.Item>
                <Descriptions.Item label={tr('catalog.versionView.conditions')}>
                  <Pre text={g.conditions} />
                </Descriptions.Item>
                <Descriptions.Item label={tr('catalog.versionView.process')}>
                  <Pre text={g.process} />
                </Descriptions.Item>
                <Descriptions.Item label={tr('catalog.versionView.notes')}>
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
