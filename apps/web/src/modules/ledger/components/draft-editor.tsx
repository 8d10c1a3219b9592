import { useMemo, type ReactNode } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Tree,
  Typography,
} from 'antd';
import type { TreeDataNode } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  ScissorOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  LEDGER_INSPECTION_KIND_LABELS,
  LEDGER_MEASURE_KIND_LABELS,
  type LedgerInspectionKind,
  type LedgerMeasureKind,
  type DraftSource,
} from '@tongban/contracts';
import { useCurrentUser } from '../../../app/auth-context';
import { useDepartments } from '../../org';
import {
  labelCategories,
  orderFindings,
  type Draft,
  type DraftFinding,
  type DraftMeasure,
  type LabelledCategory,
} from './draft-model';
import {
  demoteCategory,
  demoteFinding,
  demoteMeasure,
  descriptionParagraphs,
  isLowConfidence,
  mergeCategoryIntoPrevious,
  mergeFindingIntoPrevious,
  mergeMeasureIntoPrevious,
  promoteCategory,
  promoteDescriptionParagraph,
  promoteFinding,
  promoteMeasure,
  splitMeasure,
} from './draft-ops';
import { personOptions, usePeople } from './people';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** One of the draft-ops fixes, applied to the whole draft. */
type Apply = (op: (draft: Draft) => Draft) => void;

const LOW_STYLE = { background: '#fff7e6', borderColor: '#ffa940' };

/** The imported line an element was read from, and 待核对 when the importer was unsure of it. */
function SourceNote({ source }: { source: DraftSource | undefined }) {
  if (!source) return null;
  return (
    <Flex gap={6} align="center" style={{ minWidth: 0 }} data-testid="draft-source">
      {isLowConfidence(source) && (
        <Tooltip
          title={tr('ledger.draftEditor.confidenceCheckTheLevel', {
            v0: Math.round(source.confidence * 100),
          })}
        >
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="draft-low-confidence">
            {tr('ledger.draftEditor.toCheck')}
          </Tag>
        </Tooltip>
      )}
      <Typography.Text
        type="secondary"
        ellipsis={{ tooltip: source.text }}
        style={{ fontSize: 12, maxWidth: 420 }}
      >
        {tr('ledger.draftEditor.sourceLine')} {source.line} {tr('ledger.draftEditor.text')}
        {source.text}
      </Typography.Text>
    </Flex>
  );
}

function OpButton({
  label,
  icon,
  onClick,
  testId,
}: {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Button size="small" type="text" icon={icon} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

type Props = { draft: Draft; onChange: (draft: Draft) => void };

const kindOptions = () =>
  (Object.keys(LEDGER_INSPECTION_KIND_LABELS) as LedgerInspectionKind[]).map((k) => ({
    value: k,
    label: labelsOf(LEDGER_INSPECTION_KIND_LABELS)[k],
  }));
const measureKindOptions = () =>
  (Object.keys(LEDGER_MEASURE_KIND_LABELS) as LedgerMeasureKind[]).map((k) => ({
    value: k,
    label: labelsOf(LEDGER_MEASURE_KIND_LABELS)[k],
  }));

const toDay = (v: string | null | undefined) => (v ? dayjs(v) : null);
const fromDay = (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

function InspectionFields({ draft, onChange }: Props) {
  const i = draft.inspection;
  const set = (patch: Partial<Draft['inspection']>) => onChange({ ...draft, inspection: { ...i, ...patch } });
  return (
    <Card size="small" title={tr('ledger.draftEditor.inspection')} data-testid="draft-inspection">
      <Form layout="vertical" requiredMark>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.type')} required>
              <Select value={i.kind} options={kindOptions()} onChange={(kind) => set({ kind })} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={tr('ledger.draftEditor.inspectionTeam')} required>
              <Input
                value={i.team}
                maxLength={100}
                onChange={(e) => set({ team: e.target.value })}
                data-testid="draft-team"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={tr('ledger.draftEditor.inspectedUnit')} required>
              <Input
                value={i.inspectedUnit}
                maxLength={200}
                onChange={(e) => set({ inspectedUnit: e.target.value })}
                data-testid="draft-unit"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.inspectionStart')}>
              <DatePicker
                style={{ width: '100%' }}
                value={toDay(i.periodStart)}
                onChange={(d) => set({ periodStart: fromDay(d) })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.inspectionEnd')}>
              <DatePicker
                style={{ width: '100%' }}
                value={toDay(i.periodEnd)}
                onChange={(d) => set({ periodEnd: fromDay(d) })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.feedbackDate')}>
              <DatePicker
                style={{ width: '100%' }}
                value={toDay(i.feedbackDate)}
                onChange={(d) => set({ feedbackDate: fromDay(d) })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.issuingUnit')}>
              <Input
                value={i.issuer ?? ''}
                maxLength={200}
                placeholder={tr('ledger.draftEditor.defaultsToTheInspected')}
                onChange={(e) => set({ issuer: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.phone')} style={{ marginBottom: 0 }}>
              <Input
                value={i.contactPhone ?? ''}
                maxLength={50}
                onChange={(e) => set({ contactPhone: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.email')} style={{ marginBottom: 0 }}>
              <Input
                value={i.contactEmail ?? ''}
                maxLength={100}
                onChange={(e) => set({ contactEmail: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={tr('ledger.draftEditor.address')} style={{ marginBottom: 0 }}>
              <Input
                value={i.contactAddress ?? ''}
                maxLength={200}
                onChange={(e) => set({ contactAddress: e.target.value })}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

function MeasureFields({
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

function FindingCard({
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

/**
 * The parsed draft, editable before saving: inspection fields, the category outline with its
 * numbering, and each finding with its 问题表现 and measures.
 */
export function DraftEditor({ draft, onChange }: Props) {
  const user = useCurrentUser();
  const departments = useDepartments();
  const people = usePeople();
  const deptOptions = useMemo(
    () => (departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
    [departments.data],
  );
  const peopleOptions = useMemo(() => personOptions(people, user.id), [people, user.id]);
  const apply: Apply = (op) => onChange(op(draft));
  const categories = useMemo(() => labelCategories(draft.categories), [draft.categories]);
  const ordered = useMemo(() => orderFindings(draft), [draft]);
  const numberOf = useMemo(() => new Map(ordered.map((o, n) => [o.index, n + 1])), [ordered]);

  const setFinding = (index: number, f: DraftFinding) =>
    onChange({ ...draft, findings: draft.findings.map((x, i) => (i === index ? f : x)) });
  const removeFinding = (index: number) =>
    onChange({ ...draft, findings: draft.findings.filter((_, i) => i !== index) });
  const addFinding = (categoryKey: string | null) =>
    onChange({
      ...draft,
      findings: [...draft.findings, { title: '', description: '', categoryKey, measures: [] }],
    });
  const setCategoryTitle = (key: string, title: string) =>
    onChange({ ...draft, categories: draft.categories.map((c) => (c.key === key ? { ...c, title } : c)) });
  /** Removing a heading keeps what it held: its findings and sub-headings move up a level. */
  const removeCategory = (c: LabelledCategory) =>
    onChange({
      ...draft,
      categories: draft.categories
        .filter((x) => x.key !== c.key)
        .map((x) => (x.parentKey === c.key ? { ...x, parentKey: c.parentKey ?? null } : x)),
      findings: draft.findings.map((f) =>
        f.categoryKey === c.key ? { ...f, categoryKey: c.parentKey ?? null } : f,
      ),
    });
  const addCategory = (parentKey: string | null) => {
    let n = draft.categories.length + 1;
    while (draft.categories.some((c) => c.key === `new-${n}`)) n++;
    onChange({
      ...draft,
      categories: [
        ...draft.categories,
        { key: `new-${n}`, title: tr('ledger.draftEditor.newCategory'), parentKey },
      ],
    });
  };

  const tree: TreeDataNode[] = useMemo(() => {
    const node = (c: LabelledCategory): TreeDataNode => ({
      key: c.key,
      title: `${c.label}${c.title}`,
      children: [
        ...categories.filter((x) => x.parentKey === c.key).map(node),
        ...ordered
          .filter((o) => o.finding.categoryKey === c.key)
          .map((o) => ({
            key: `f-${o.index}`,
            title: tr('ledger.draftEditor.measures2', {
              v0: numberOf.get(o.index),
              v1: o.finding.title || tr('ledger.draftEditor.notFilledIn'),
              length: o.finding.measures.length,
            }),
            isLeaf: true,
          })),
      ],
    });
    const top = categories.filter((c) => !c.parentKey || !categories.some((x) => x.key === c.parentKey));
    const loose = ordered.filter(
      (o) => !o.finding.categoryKey || !categories.some((c) => c.key === o.finding.categoryKey),
    );
    return [
      ...top.map(node),
      ...(loose.length
        ? [
            {
              key: '__loose',
              title: tr('ledger.draftEditor.uncategorised'),
              children: loose.map((o) => ({
                key: `f-${o.index}`,
                title: `${numberOf.get(o.index)}. ${o.finding.title || tr('ledger.draftEditor.notFilledIn')}`,
                isLeaf: true,
              })),
            },
          ]
        : []),
    ];
  }, [categories, ordered, numberOf]);

  const section = (c: LabelledCategory | undefined) => {
    const key = c?.key ?? null;
    const inThis = ordered.filter((o) =>
      key
        ? o.finding.categoryKey === key
        : !o.finding.categoryKey || !categories.some((x) => x.key === o.finding.categoryKey),
    );
    if (!c && inThis.length === 0) return null;
    return (
      <div
        key={key ?? '__loose'}
        style={{ marginLeft: (c?.depth ?? 0) * 24 }}
        data-testid="draft-category"
        data-low-confidence={c && isLowConfidence(c.source) ? 'true' : undefined}
      >
        {c?.source && <SourceNote source={c.source} />}
        <Flex gap={8} align="center" style={{ margin: '12px 0 8px' }}>
          {c ? (
            <>
              <Typography.Text strong style={{ whiteSpace: 'nowrap', fontSize: 15 }}>
                {c.label}
              </Typography.Text>
              <Input
                value={c.title}
                maxLength={200}
                status={c.title.trim() ? undefined : 'error'}
                onChange={(e) => setCategoryTitle(c.key, e.target.value)}
                style={{ fontWeight: 600, maxWidth: 560 }}
                data-testid="draft-category-title"
              />
              {c.depth < 2 && (
                <Button size="small" onClick={() => addCategory(c.key)}>
                  {tr('ledger.draftEditor.addSubcategory')}
                </Button>
              )}
              {c.depth > 0 && (
                <OpButton
                  label={tr('ledger.draftEditor.moveUp')}
                  icon={<ArrowUpOutlined />}
                  testId="op-category-promote"
                  onClick={() => apply((d) => promoteCategory(d, c.key))}
                />
              )}
              <OpButton
                label={tr('ledger.draftEditor.makeItAProblem2')}
                icon={<ArrowDownOutlined />}
                testId="op-category-demote"
                onClick={() => apply((d) => demoteCategory(d, c.key))}
              />
              <OpButton
                label={tr('ledger.draftEditor.mergeIntoThePrevious3')}
                icon={<MergeCellsOutlined />}
                testId="op-category-merge"
                onClick={() => apply((d) => mergeCategoryIntoPrevious(d, c.key))}
              />
              <Popconfirm
                title={tr('ledger.draftEditor.deleteThisCategory')}
                description={tr('ledger.draftEditor.itsProblemsAndSubcategories')}
                okText={tr('ledger.draftEditor.delete')}
                cancelText={tr('ledger.draftEditor.cancel')}
                onConfirm={() => removeCategory(c)}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={tr('ledger.draftEditor.deleteCategory')}
                />
              </Popconfirm>
            </>
          ) : (
            <Typography.Text strong style={{ fontSize: 15 }}>
              {tr('ledger.draftEditor.uncategorisedProblems')}
            </Typography.Text>
          )}
        </Flex>
        {inThis.map((o) => (
          <FindingCard
            key={o.index}
            f={o.finding}
            number={numberOf.get(o.index) ?? 0}
            categories={categories}
            departments={deptOptions}
            people={peopleOptions}
            index={o.index}
            apply={apply}
            onChange={(f) => setFinding(o.index, f)}
            onRemove={() => removeFinding(o.index)}
          />
        ))}
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => addFinding(key)}>
          {tr('ledger.draftEditor.addAProblemHere')}
        </Button>
      </div>
    );
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <InspectionFields draft={draft} onChange={onChange} />
      <Row gutter={16}>
        <Col xs={24} xl={7}>
          <Card
            size="small"
            title={tr('ledger.draftEditor.structure')}
            style={{ position: 'sticky', top: 16 }}
            data-testid="draft-tree"
          >
            {tree.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={tr('ledger.draftEditor.noProblemsRecognised')}
              />
            ) : (
              <Tree treeData={tree} defaultExpandAll selectable={false} blockNode />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={17}>
          <Card
            size="small"
            title={tr('ledger.draftEditor.problemsCategoriesProblemsMeasures', {
              length: draft.categories.length,
              length1: draft.findings.length,
              v2: draft.findings.reduce((a, f) => a + f.measures.length, 0),
            })}
            extra={
              <Button size="small" icon={<PlusOutlined />} onClick={() => addCategory(null)}>
                {tr('ledger.draftEditor.addCategory')}
              </Button>
            }
          >
            {categories.map((c) => section(c))}
            {section(undefined)}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={tr('ledger.draftEditor.reportTextCanStill')}>
        <Typography.Text type="secondary">{tr('ledger.draftEditor.n1RectificationWork')}</Typography.Text>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={draft.narratives?.workDone ?? ''}
          onChange={(e) =>
            onChange({ ...draft, narratives: { ...draft.narratives, workDone: e.target.value } })
          }
          style={{ marginBottom: 12 }}
        />
        <Typography.Text type="secondary">{tr('ledger.draftEditor.n4NextSteps')}</Typography.Text>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={draft.narratives?.nextSteps ?? ''}
          onChange={(e) =>
            onChange({ ...draft, narratives: { ...draft.narratives, nextSteps: e.target.value } })
          }
        />
      </Card>
    </Space>
  );
}
