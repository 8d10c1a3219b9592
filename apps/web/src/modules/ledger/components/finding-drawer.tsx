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
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

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
  const verifier = (id: string | null) =>
    tr('ledger.findingDrawer.verifiedBy', {
      v0: nameOf(id) ?? tr('ledger.findingDrawer.aSupervisorOrLeader'),
    });
  const items: HistoryItem[] = m.progress.map((p) => ({
    at: `${p.date}T${p.createdAt.slice(11)}`,
    color: p.requestSignoff ? 'orange' : 'blue',
    title: (
      <Space size={4} wrap>
        <span>
          {p.date} {tr('ledger.findingDrawer.progress')}
        </span>
        {p.round < m.round && (
          <Tag>
            {tr('ledger.findingDrawer.version')} {p.round + 1} {tr('ledger.findingDrawer.roundReopenedByA')}
          </Tag>
        )}
        {p.requestSignoff && <Tag color="orange">{tr('ledger.findingDrawer.askToClose')}</Tag>}
      </Space>
    ),
    content: (
      <div data-testid="history-progress">
        <div style={{ whiteSpace: 'pre-wrap' }}>{p.text}</div>
        {p.evidenceText && (
          <Typography.Text type="secondary">
            {tr('ledger.findingDrawer.evidenceRecord')}
            {p.evidenceText}
          </Typography.Text>
        )}
        {p.evidenceFiles.map((f, i) => (
          <div key={f}>
            <a href={evidenceFileUrl(f)} target="_blank" rel="noreferrer">
              <FileTextOutlined /> {tr('ledger.findingDrawer.evidenceFile')} {i + 1}
            </a>
          </div>
        ))}
        {nameOf(p.createdBy) && (
          <Typography.Text type="secondary">
            {' '}
            {tr('ledger.findingDrawer.reportedBy')}
            {nameOf(p.createdBy)}
          </Typography.Text>
        )}
      </div>
    ),
  }));
  for (const r of m.revisits) {
    if (r.priorSignedOffAt)
      items.push({
        at: r.priorSignedOffAt,
        color: 'green',
        title: tr('ledger.findingDrawer.closed', { v0: formatDateTime(r.priorSignedOffAt) }),
        content: verifier(r.priorSignedOffBy),
      });
    items.push({
      at: r.reopenedAt,
      color: 'purple',
      title: tr('ledger.findingDrawer.followUpCheckReopened', { v0: formatDateTime(r.reopenedAt) }),
      content: (
        <span data-testid="history-revisit">
          {tr('ledger.findingDrawer.reason')}
          {r.reason}
          {nameOf(r.reopenedBy) ? `（${nameOf(r.reopenedBy)}）` : ''}
        </span>
      ),
    });
  }
  if (m.signedOffAt)
    items.push({
      at: m.signedOffAt,
      color: 'green',
      title: tr('ledger.findingDrawer.closed', { v0: formatDateTime(m.signedOffAt) }),
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
          <span>
            {tr('ledger.findingDrawer.measure')} {index + 1}
          </span>
          <MeasureKindTag kind={m.kind} />
          <MeasureStatusTag status={m.status} />
        </Space>
      }
      extra={
        <Space size={0} wrap>
          {actions.canProgress && open && (
            <Button type="link" size="small" onClick={() => actions.onProgress(m)}>
              {tr('ledger.findingDrawer.addProgress')}
            </Button>
          )}
          {actions.canSignoff && open && (
            <Button type="link" size="small" onClick={() => actions.onSignoff(m)}>
              {tr('ledger.findingDrawer.close')}
            </Button>
          )}
          {actions.canSignoff && !open && (
            <Button type="link" size="small" danger onClick={() => actions.onReopen(m)}>
              {tr('ledger.findingDrawer.followUpCheck')}
            </Button>
          )}
          {actions.canWrite && open && (
            <Button type="link" size="small" onClick={() => actions.onEdit(m)}>
              {tr('ledger.findingDrawer.edit')}
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
          { key: 'leader', label: tr('ledger.findingDrawer.responsibleLeader'), children: m.leader || '—' },
          {
            key: 'dept',
            label: tr('ledger.findingDrawer.responsibleDepartment'),
            children: m.departmentName ?? '—',
          },
          { key: 'owner', label: tr('ledger.findingDrawer.responsiblePerson'), children: m.ownerName ?? '—' },
          {
            key: 'due',
            label: tr('ledger.findingDrawer.dueDate'),
            children: (
              <span style={deadline?.overdue ? { color: '#cf1322' } : undefined}>
                {m.dueDate ?? (m.kind === 'ongoing' ? tr('ledger.findingDrawer.indefinitely') : '—')}
                {deadline ? `（${deadline.text}）` : ''}
              </span>
            ),
          },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
        {tr('ledger.findingDrawer.records')}
      </Typography.Text>
      {history.length === 0 ? (
        <Typography.Text type="secondary">{tr('ledger.findingDrawer.noProgressYet')}</Typography.Text>
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
      title={
        finding ? tr('ledger.findingDrawer.problem', { number: finding.number, title: finding.title }) : ''
      }
      data-testid="finding-drawer"
      extra={
        finding && actions.canSignoff && anySigned ? (
          <Button danger onClick={() => onReopenFinding(finding)}>
            {tr('ledger.findingDrawer.followUpCheckWhole')}
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
                label: tr('ledger.findingDrawer.category'),
                children: categoryTitle ?? tr('ledger.findingDrawer.uncategorised'),
              },
              {
                key: 'desc',
                label: tr('ledger.findingDrawer.symptoms'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{finding.description || '—'}</span>,
              },
              {
                key: 'sev',
                label: tr('ledger.findingDrawer.severity'),
                children: labelsOf(FINDING_SEVERITY_LABELS)[finding.severity] ?? finding.severity,
              },
              {
                key: 'status',
                label: tr('ledger.findingDrawer.status'),
                children: (
                  <Flex gap={8} align="center">
                    <FindingStatusTag status={finding.status} />
                    <Typography.Text type="secondary">
                      {finding.measures.filter((m) => m.status === 'signed_off').length}/
                      {finding.measures.length} {tr('ledger.findingDrawer.measuresClosed')}
                    </Typography.Text>
                  </Flex>
                ),
              },
            ]}
          />
          {finding.revisits.length > 0 && (
            <Card
              size="small"
              title={tr('ledger.findingDrawer.followUpChecksOf')}
              style={{ marginBottom: 12 }}
            >
              {finding.revisits.map((r) => (
                <div key={r.id}>
                  {formatDateTime(r.reopenedAt)}：{r.reason}
                  {tr('ledger.findingDrawer.reopened')} {r.measureIds.length}{' '}
                  {tr('ledger.findingDrawer.measures')}
                </div>
              ))}
            </Card>
          )}
          {finding.measures.length === 0 ? (
            <Empty description={tr('ledger.findingDrawer.noMeasuresYet')} />
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
