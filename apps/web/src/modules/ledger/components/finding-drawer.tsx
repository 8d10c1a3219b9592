import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Drawer, Empty, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { FINDING_SEVERITY_LABELS } from '@tongban/contracts';
import { evidenceFileUrl, type FindingDetail, type MeasureDetail } from '../api';
import {
  FindingStatusTag,
  MeasureKindTag,
  MeasureStatusTag,
  describeDeadline,
  formatDateTime,
} from './ledger-tags';

export type MeasureActions = {
  canProgress: boolean;
  canSignoff: boolean;
  canWrite: boolean;
  onProgress: (m: MeasureDetail) => void;
  onSignoff: (m: MeasureDetail) => void;
  onReopen: (m: MeasureDetail) => void;
  onEdit: (m: MeasureDetail) => void;
};

type HistoryItem = { at: string; color: string; title: ReactNode; content: ReactNode };

/** Progress, sign-off and revisits of one measure, oldest first; earlier rounds stay visible. */
function measureHistory(m: MeasureDetail, nameOf: (id: string | null) => string | undefined): HistoryItem[] {
  const verifier = (id: string | null) => `核验人：${nameOf(id) ?? '督查人员或领导'}`;
  const items: HistoryItem[] = m.progress.map((p) => ({
    at: `${p.date}T${p.createdAt.slice(11)}`,
    color: p.requestSignoff ? 'orange' : 'blue',
    title: (
      <Space size={4} wrap>
        <span>{p.date} 整改进展</span>
        {p.round < m.round && <Tag>第 {p.round + 1} 轮（已被回头看重新打开）</Tag>}
        {p.requestSignoff && <Tag color="orange">申请销号</Tag>}
      </Space>
    ),
    content: (
      <div data-testid="history-progress">
        <div style={{ whiteSpace: 'pre-wrap' }}>{p.text}</div>
        {p.evidenceText && <Typography.Text type="secondary">佐证记录：{p.evidenceText}</Typography.Text>}
        {p.evidenceFiles.map((f, i) => (
          <div key={f}>
            <a href={evidenceFileUrl(f)} target="_blank" rel="noreferrer">
              <FileTextOutlined /> 佐证文件 {i + 1}
            </a>
          </div>
        ))}
        {nameOf(p.createdBy) && (
          <Typography.Text type="secondary"> 填报人：{nameOf(p.createdBy)}</Typography.Text>
        )}
      </div>
    ),
  }));
  for (const r of m.revisits) {
    if (r.priorSignedOffAt)
      items.push({
        at: r.priorSignedOffAt,
        color: 'green',
        title: `${formatDateTime(r.priorSignedOffAt)} 销号`,
        content: verifier(r.priorSignedOffBy),
      });
    items.push({
      at: r.reopenedAt,
      color: 'purple',
      title: `${formatDateTime(r.reopenedAt)} 回头看，重新打开`,
      content: (
        <span data-testid="history-revisit">
          原因：{r.reason}
          {nameOf(r.reopenedBy) ? `（${nameOf(r.reopenedBy)}）` : ''}
        </span>
      ),
    });
  }
  if (m.signedOffAt)
    items.push({
      at: m.signedOffAt,
      color: 'green',
      title: `${formatDateTime(m.signedOffAt)} 销号`,
      content: <span data-testid="history-signoff">{verifier(m.signedOffBy)}</span>,
    });
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

function MeasureCard({
  m,
  index,
  actions,
  nameOf,
}: {
  m: MeasureDetail;
  index: number;
  actions: MeasureActions;
  nameOf: (id: string | null) => string | undefined;
}) {
  const deadline = describeDeadline(m.status === 'signed_off' ? null : m.dueDate);
  const history = measureHistory(m, nameOf);
  const open = m.status !== 'signed_off';
  return (
    <Card
      size="small"
      data-testid="drawer-measure"
      title={
        <Space size={6} wrap>
          <span>措施 {index + 1}</span>
          <MeasureKindTag kind={m.kind} />
          <MeasureStatusTag status={m.status} />
        </Space>
      }
      extra={
        <Space size={0} wrap>
          {actions.canProgress && open && (
            <Button type="link" size="small" onClick={() => actions.onProgress(m)}>
              添加进展
            </Button>
          )}
          {actions.canSignoff && open && (
            <Button type="link" size="small" onClick={() => actions.onSignoff(m)}>
              销号
            </Button>
          )}
          {actions.canSignoff && !open && (
            <Button type="link" size="small" danger onClick={() => actions.onReopen(m)}>
              回头看
            </Button>
          )}
          {actions.canWrite && open && (
            <Button type="link" size="small" onClick={() => actions.onEdit(m)}>
              编辑
            </Button>
          )}
        </Space>
      }
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>{m.content}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'leader', label: '责任领导', children: m.leader || '—' },
          { key: 'dept', label: '责任部门', children: m.departmentName ?? '—' },
          { key: 'owner', label: '责任人', children: m.ownerName ?? '—' },
          {
            key: 'due',
            label: '完成时限',
            children: (
              <span style={deadline?.overdue ? { color: '#cf1322' } : undefined}>
                {m.dueDate ?? (m.kind === 'ongoing' ? '长期' : '—')}
                {deadline ? `（${deadline.text}）` : ''}
              </span>
            ),
          },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
        整改记录
      </Typography.Text>
      {history.length === 0 ? (
        <Typography.Text type="secondary">尚无进展</Typography.Text>
      ) : (
        <Timeline
          items={history.map((h, i) => ({ key: i, color: h.color, title: h.title, content: h.content }))}
        />
      )}
    </Card>
  );
}

/** 问题详情: what the inspection found, and each measure's full history (progress, 销号, 回头看). */
export function FindingDrawer({
  finding,
  categoryTitle,
  onClose,
  onReopenFinding,
  actions,
  nameOf,
}: {
  finding: FindingDetail | undefined;
  categoryTitle: string | undefined;
  onClose: () => void;
  onReopenFinding: (f: FindingDetail) => void;
  actions: MeasureActions;
  nameOf: (id: string | null) => string | undefined;
}) {
  const anySigned = finding?.measures.some((m) => m.status === 'signed_off') ?? false;
  return (
    <Drawer
      open={!!finding}
      onClose={onClose}
      size={760}
      title={finding ? `问题 ${finding.number}：${finding.title}` : ''}
      data-testid="finding-drawer"
      extra={
        finding && actions.canSignoff && anySigned ? (
          <Button danger onClick={() => onReopenFinding(finding)}>
            回头看（整个问题）
          </Button>
        ) : null
      }
    >
      {finding && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'cat',
                label: '问题类别',
                children: categoryTitle ?? '未分类',
              },
              {
                key: 'desc',
                label: '问题表现',
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{finding.description || '—'}</span>,
              },
              {
                key: 'sev',
                label: '严重程度',
                children: FINDING_SEVERITY_LABELS[finding.severity] ?? finding.severity,
              },
              {
                key: 'status',
                label: '整改状态',
                children: (
                  <Flex gap={8} align="center">
                    <FindingStatusTag status={finding.status} />
                    <Typography.Text type="secondary">
                      {finding.measures.filter((m) => m.status === 'signed_off').length}/
                      {finding.measures.length} 项措施已销号
                    </Typography.Text>
                  </Flex>
                ),
              },
            ]}
          />
          {finding.revisits.length > 0 && (
            <Card size="small" title="问题回头看记录" style={{ marginBottom: 12 }}>
              {finding.revisits.map((r) => (
                <div key={r.id}>
                  {formatDateTime(r.reopenedAt)}：{r.reason}（重新打开 {r.measureIds.length} 项措施）
                </div>
              ))}
            </Card>
          )}
          {finding.measures.length === 0 ? (
            <Empty description="尚未制定整改措施" />
          ) : (
            finding.measures.map((m, i) => (
              <MeasureCard key={m.id} m={m} index={i} actions={actions} nameOf={nameOf} />
            ))
          )}
        </>
      )}
    </Drawer>
  );
}
