import { useMemo } from 'react';
import { Button, Card, Col, Empty, Flex, Input, Popconfirm, Row, Space, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MergeCellsOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useCurrentUser } from '../../../app/auth-context';
import { useDepartments } from '../../org';
import { labelCategories, orderFindings, type DraftFinding, type LabelledCategory } from './draft-model';
import { demoteCategory, isLowConfidence, mergeCategoryIntoPrevious, promoteCategory } from './draft-ops';
import { personOptions, usePeople } from './people';
import { tr } from '../../../app/i18n';
import { type Apply, SourceNote, OpButton, type Props } from './draft-editor-parts';
import { InspectionFields } from './draft-inspection-fields';
import { FindingCard } from './draft-finding-card';

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
