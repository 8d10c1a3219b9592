import { Button, DatePicker, Flex, Input, Popconfirm, Select, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MergeCellsOutlined,
  ScissorOutlined,
} from '@ant-design/icons';
import { type DraftMeasure } from './draft-model';
import {
  demoteMeasure,
  isLowConfidence,
  mergeMeasureIntoPrevious,
  promoteMeasure,
  splitMeasure,
} from './draft-ops';
import { tr } from '../../../app/i18n';
import {
  Apply,
  LOW_STYLE,
  SourceNote,
  OpButton,
  measureKindOptions,
  toDay,
  fromDay,
} from './draft-editor-parts';

export function MeasureFields({
  m,
  n,
  onChange,
  onRemove,
  departments,
  people,
  findingIndex,
  apply,
}: {
  m: DraftMeasure;
  n: number;
  onChange: (m: DraftMeasure) => void;
  onRemove: () => void;
  departments: { value: string; label: string }[];
  people: { value: string; label: string }[];
  findingIndex: number;
  apply: Apply;
}) {
  const set = (patch: Partial<DraftMeasure>) => onChange({ ...m, ...patch });
  const k = n - 1;
  const low = isLowConfidence(m.source);
  return (
    <div
      data-testid="draft-measure"
      data-low-confidence={low ? 'true' : undefined}
      style={{
        borderLeft: `3px solid ${low ? '#ffa940' : '#d6e4ff'}`,
        padding: '4px 0 4px 12px',
        marginBottom: 8,
        ...(low ? { background: LOW_STYLE.background } : {}),
      }}
    >
      <Flex gap={4} wrap align="center" style={{ paddingLeft: 48 }}>
        <SourceNote source={m.source} />
        <OpButton
          label={tr('ledger.draftEditor.makeItAProblem')}
          icon={<ArrowUpOutlined />}
          testId="op-measure-promote"
          onClick={() => apply((d) => promoteMeasure(d, findingIndex, k))}
        />
        <OpButton
          label={tr('ledger.draftEditor.makeItASymptom')}
          icon={<ArrowDownOutlined />}
          testId="op-measure-demote"
          onClick={() => apply((d) => demoteMeasure(d, findingIndex, k))}
        />
        {k > 0 && (
          <OpButton
            label={tr('ledger.draftEditor.mergeIntoThePrevious')}
            icon={<MergeCellsOutlined />}
            testId="op-measure-merge"
            onClick={() => apply((d) => mergeMeasureIntoPrevious(d, findingIndex, k))}
          />
        )}
        <OpButton
          label={tr('ledger.draftEditor.split')}
          icon={<ScissorOutlined />}
          testId="op-measure-split"
          onClick={() => apply((d) => splitMeasure(d, findingIndex, k))}
        />
      </Flex>
      <Flex gap={8} align="start">
        <Typography.Text type="secondary" style={{ paddingTop: 5, whiteSpace: 'nowrap' }}>
          {tr('ledger.draftEditor.measure')} {n}
        </Typography.Text>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={m.content}
          maxLength={5000}
          status={m.content.trim() ? undefined : 'error'}
          placeholder={tr('ledger.draftEditor.measure2')}
          onChange={(e) => set({ content: e.target.value })}
          data-testid="draft-measure-content"
        />
        <Popconfirm
          title={tr('ledger.draftEditor.deleteThisMeasure')}
          okText={tr('ledger.draftEditor.delete')}
          cancelText={tr('ledger.draftEditor.cancel')}
          onConfirm={onRemove}
        >
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={tr('ledger.draftEditor.deleteMeasure')}
          />
        </Popconfirm>
      </Flex>
      <Flex gap={8} wrap style={{ marginTop: 6, paddingLeft: 48 }}>
        <Select
          size="small"
          style={{ width: 110 }}
          value={m.kind}
          options={measureKindOptions()}
          onChange={(kind) => set({ kind })}
        />
        <Input
          size="small"
          style={{ width: 170 }}
          placeholder={tr('ledger.draftEditor.responsibleLeader')}
          value={m.leader ?? ''}
          maxLength={100}
          onChange={(e) => set({ leader: e.target.value })}
        />
        <Select
          size="small"
          style={{ width: 200 }}
          allowClear
          placeholder={tr('ledger.draftEditor.responsibleDepartment')}
          showSearch={{ optionFilterProp: 'label' }}
          value={m.departmentId ?? undefined}
          options={departments}
          onChange={(v?: string) => set({ departmentId: v ?? null })}
        />
        <Select
          size="small"
          style={{ width: 170 }}
          allowClear
          placeholder={tr('ledger.draftEditor.responsiblePerson')}
          showSearch={{ optionFilterProp: 'label' }}
          value={m.ownerUserId ?? undefined}
          options={people}
          onChange={(v?: string) => set({ ownerUserId: v ?? null })}
          data-testid="draft-measure-owner"
        />
        <DatePicker
          size="small"
          placeholder={tr('ledger.draftEditor.dueDate')}
          value={toDay(m.dueDate)}
          onChange={(d) => set({ dueDate: fromDay(d) })}
        />
      </Flex>
    </div>
  );
}
