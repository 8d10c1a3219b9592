import { Button, Card, Flex, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MergeCellsOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { type DraftFinding, type LabelledCategory } from './draft-model';
import {
  demoteFinding,
  descriptionParagraphs,
  isLowConfidence,
  mergeFindingIntoPrevious,
  promoteDescriptionParagraph,
  promoteFinding,
} from './draft-ops';
import { tr } from '../../../app/i18n';
import { type Apply, LOW_STYLE, SourceNote, OpButton } from './draft-editor-parts';
import { MeasureFields } from './draft-measure-fields';

export function FindingCard({
  f,
  number,
  categories,
  onChange,
  onRemove,
  departments,
  people,
  index,
  apply,
}: {
  f: DraftFinding;
  number: number;
  categories: LabelledCategory[];
  onChange: (f: DraftFinding) => void;
  onRemove: () => void;
  departments: { value: string; label: string }[];
  people: { value: string; label: string }[];
  index: number;
  apply: Apply;
}) {
  const set = (patch: Partial<DraftFinding>) => onChange({ ...f, ...patch });
  const low = isLowConfidence(f.source);
  const paragraphs = descriptionParagraphs(f.description);
  return (
    <Card
      size="small"
      data-testid="draft-finding"
      data-low-confidence={low ? 'true' : undefined}
      style={{ marginBottom: 12, ...(low ? LOW_STYLE : {}) }}
      title={
        <Flex gap={8} align="center">
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {tr('ledger.draftEditor.problem')} {number}
          </Tag>
          <Input
            variant="borderless"
            value={f.title}
            maxLength={500}
            status={f.title.trim() ? undefined : 'error'}
            placeholder={tr('ledger.draftEditor.problem2')}
            onChange={(e) => set({ title: e.target.value })}
            style={{ fontWeight: 600 }}
            data-testid="draft-finding-title"
          />
        </Flex>
      }
      extra={
        <Space>
          <Select
            size="small"
            style={{ width: 200 }}
            value={f.categoryKey ?? ''}
            onChange={(v: string) => set({ categoryKey: v || null })}
            options={[
              { value: '', label: tr('ledger.draftEditor.uncategorised') },
              ...categories.map((c) => ({ value: c.key, label: `${c.label}${c.title}` })),
            ]}
            aria-label={tr('ledger.draftEditor.category')}
          />
          <Popconfirm
            title={tr('ledger.draftEditor.deleteThisProblemAnd')}
            okText={tr('ledger.draftEditor.delete')}
            cancelText={tr('ledger.draftEditor.cancel')}
            onConfirm={onRemove}
          >
            <Button size="small" danger icon={<DeleteOutlined />}>
              {tr('ledger.draftEditor.delete')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Flex gap={4} wrap align="center" style={{ marginBottom: 6 }}>
        <SourceNote source={f.source} />
        <OpButton
          label={tr('ledger.draftEditor.makeItACategory')}
          icon={<ArrowUpOutlined />}
          testId="op-finding-promote"
          onClick={() => apply((d) => promoteFinding(d, index))}
        />
        <OpButton
          label={tr('ledger.draftEditor.makeItAMeasure')}
          icon={<ArrowDownOutlined />}
          testId="op-finding-demote"
          onClick={() => apply((d) => demoteFinding(d, index))}
        />
        <OpButton
          label={tr('ledger.draftEditor.mergeIntoThePrevious2')}
          icon={<MergeCellsOutlined />}
          testId="op-finding-merge"
          onClick={() => apply((d) => mergeFindingIntoPrevious(d, index))}
        />
      </Flex>
      <Flex gap={8} align="center">
        <Typography.Text type="secondary">{tr('ledger.draftEditor.symptoms')}</Typography.Text>
        {paragraphs.length > 0 && (
          <OpButton
            label={tr('ledger.draftEditor.makeTheLastParagraph')}
            icon={<ArrowUpOutlined />}
            testId="op-description-promote"
            onClick={() => apply((d) => promoteDescriptionParagraph(d, index, paragraphs.length - 1))}
          />
        )}
      </Flex>
      <Input.TextArea
        autoSize={{ minRows: 2, maxRows: 8 }}
        value={f.description ?? ''}
        maxLength={20000}
        onChange={(e) => set({ description: e.target.value })}
        style={{ marginBottom: 12 }}
        data-testid="draft-finding-description"
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>
        {tr('ledger.draftEditor.measures')}
        {f.measures.length} {tr('ledger.draftEditor.text2')}
      </Typography.Text>
      {f.measures.map((m, k) => (
        <MeasureFields
          key={k}
          m={m}
          n={k + 1}
          departments={departments}
          people={people}
          findingIndex={index}
          apply={apply}
          onChange={(next) => set({ measures: f.measures.map((x, j) => (j === k ? next : x)) })}
          onRemove={() => set({ measures: f.measures.filter((_, j) => j !== k) })}
        />
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() =>
          set({
            measures: [...f.measures, { content: '', kind: 'deadline', leader: '', departmentId: null }],
          })
        }
      >
        {tr('ledger.draftEditor.addMeasure')}
      </Button>
    </Card>
  );
}
