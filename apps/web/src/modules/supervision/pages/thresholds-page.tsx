import { useState } from 'react';
import { Alert, Button, Card, Flex, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ThresholdRow } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useAuth } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useSetThreshold, useThresholds } from '../api';
import { formatInstant } from '../../../app/format';

type Draft = { itemId: string; warningDays: number | null; stepDays: number | null };

/** SUP-1: each item's warning days and each review step's own time; the supervisor edits them. */
export function ThresholdsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const editable = can('supervision.threshold.write');
  const list = useThresholds();
  const save = useSetThreshold();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (d: Draft) => {
    setError(null);
    save.mutate(d, {
      onSuccess: () => {
        setDraft(null);
        notifySuccess(t('supervision.thresholds.saved'));
      },
      onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
    });
  };
  const shown = (own: number | null, def: number) =>
    own === null ? (
      <Typography.Text type="secondary">{t('supervision.thresholds.default', { n: def })}</Typography.Text>
    ) : (
      <Tag color="blue">{t('supervision.thresholds.days', { n: own })}</Tag>
    );
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('supervision.thresholds.title')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('supervision.thresholds.intro')} />
      {!editable && <Alert type="warning" message={t('supervision.thresholds.readOnly')} />}
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          closable
          onClose={() => setError(null)}
          data-testid="threshold-error"
        />
      )}
      <Card size="small">
        <Table<ThresholdRow>
          size="small"
          rowKey="itemId"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="thresholds-table"
          columns={[
            { title: t('supervision.thresholds.department'), dataIndex: 'departmentName' },
            { title: t('supervision.thresholds.item'), dataIndex: 'itemName' },
            { title: t('supervision.thresholds.promised'), dataIndex: 'promisedLimitDays', align: 'right' },
            {
              title: t('supervision.thresholds.steps'),
              dataIndex: 'steps',
              render: (s: string[]) => s.join(' → '),
            },
            {
              title: t('supervision.thresholds.warningDays'),
              key: 'warningDays',
              render: (_: unknown, r) =>
                draft?.itemId === r.itemId ? (
                  <InputNumber
                    min={1}
                    max={365}
                    precision={0}
                    value={draft.warningDays}
                    placeholder={String(r.defaultWarningDays)}
                    onChange={(v) => setDraft({ ...draft, warningDays: v ?? null })}
                    data-testid="threshold-warning-input"
                  />
                ) : (
                  shown(r.warningDays, r.defaultWarningDays)
                ),
            },
            {
              title: t('supervision.thresholds.stepDays'),
              key: 'stepDays',
              render: (_: unknown, r) =>
                draft?.itemId === r.itemId ? (
                  <InputNumber
                    min={1}
                    max={365}
                    precision={0}
                    value={draft.stepDays}
                    placeholder={String(r.defaultStepDays)}
                    onChange={(v) => setDraft({ ...draft, stepDays: v ?? null })}
                    data-testid="threshold-step-input"
                  />
                ) : (
                  shown(r.stepDays, r.defaultStepDays)
                ),
            },
            {
              title: t('supervision.thresholds.updatedAt'),
              dataIndex: 'updatedAt',
              render: (v: string | null) => (v ? formatInstant(v) : '—'),
            },
            ...(editable
              ? [
                  {
                    key: 'actions',
                    render: (_: unknown, r: ThresholdRow) =>
                      draft?.itemId === r.itemId ? (
                        <Space>
                          <Button
                            type="primary"
                            size="small"
                            loading={save.isPending}
                            onClick={() => submit(draft)}
                            data-testid="threshold-save"
                          >
                            {t('supervision.thresholds.save')}
                          </Button>
                          <Button size="small" onClick={() => setDraft(null)}>
                            {t('supervision.thresholds.cancel')}
                          </Button>
                        </Space>
                      ) : (
                        <Space>
                          <Button
                            size="small"
                            onClick={() => {
                              setError(null);
                              setDraft({
                                itemId: r.itemId,
                                warningDays: r.warningDays,
                                stepDays: r.stepDays,
                              });
                            }}
                            data-testid={`threshold-edit-${r.itemId}`}
                          >
                            {t('supervision.thresholds.edit')}
                          </Button>
                          {(r.warningDays !== null || r.stepDays !== null) && (
                            <Button
                              size="small"
                              type="link"
                              onClick={() => submit({ itemId: r.itemId, warningDays: null, stepDays: null })}
                            >
                              {t('supervision.thresholds.reset')}
                            </Button>
                          )}
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}
