import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { HolidayNoticePreview } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useApplyHolidayNotice, usePreviewHolidayNotice } from '../api';

/** "2027-02-06" … "2027-02-13" → "2月6日至2月13日（8天）"; a single day → "1月1日". */
function describeDays(dates: string[]): string {
  if (dates.length === 0) return '—';
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  if (dates.length === 1) return md(dates[0]!);
  return `${md(dates[0]!)}至${md(dates.at(-1)!)}（${dates.length}天）`;
}

/**
 * CAL-2: the administrator pastes the State Council's annual notice (国务院办公厅关于 YYYY 年部分节假日
 * 安排的通知); the server reads it into days off and make-up working days, shows them for checking,
 * and loads them only when confirmed.
 */
export function HolidayNoticeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const preview = usePreviewHolidayNotice();
  const apply = useApplyHolidayNotice();
  const p: HolidayNoticePreview | undefined = preview.data;

  const close = () => {
    setText('');
    setChecked(false);
    preview.reset();
    apply.reset();
    onClose();
  };
  const onApply = async () => {
    const r = await apply.mutateAsync({ text, acceptWarnings: checked });
    notifySuccess(
      `已导入 ${r.year} 年节假日：放假 ${r.holidays} 天、调休上班 ${r.workdays} 天${r.replaced ? '（替换原有数据）' : ''}`,
    );
    close();
  };
  const error = preview.error ?? apply.error;

  return (
    <Modal
      open={open}
      width={760}
      title="导入国务院节假日安排通知"
      onCancel={close}
      data-testid="holiday-notice-modal"
      footer={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button
            onClick={() => {
              setChecked(false);
              preview.mutate({ text });
            }}
            loading={preview.isPending}
            disabled={text.trim().length < 20}
            data-testid="holiday-notice-preview"
          >
            预览
          </Button>
          <Button
            type="primary"
            disabled={!p || (p.warnings.length > 0 && !checked)}
            loading={apply.isPending}
            onClick={() => void onApply()}
            data-testid="holiday-notice-apply"
          >
            确认导入
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          每年 11 月前后国务院办公厅发布次年节假日安排。请把通知正文（含“一、元旦：……”各条）原样粘贴到下面，
          先预览核对，再确认导入。导入后全辖区的办理期限立即按新的节假日计算，操作记入审计日志。
        </Typography.Paragraph>
        <Input.TextArea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            preview.reset();
          }}
          rows={8}
          placeholder={
            '国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：……'
          }
          data-testid="holiday-notice-text"
        />
        {error && (
          <Alert type="error" showIcon message={error instanceof ApiError ? error.message : '操作失败'} />
        )}
        {p && (
          <div data-testid="holiday-notice-result">
            <Descriptions size="small" column={3} bordered style={{ marginBottom: 8 }}>
              <Descriptions.Item label="年份">{p.year} 年</Descriptions.Item>
              <Descriptions.Item label="放假">
                {p.days.filter((d) => d.kind === 'holiday').length} 天
              </Descriptions.Item>
              <Descriptions.Item label="调休上班">
                {p.days.filter((d) => d.kind === 'workday').length} 天
              </Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={p.blocks}
              columns={[
                { title: '节日', dataIndex: 'name', width: 120 },
                { title: '放假', render: (_, b) => describeDays(b.holidays) },
                {
                  title: '调休上班',
                  render: (_, b) =>
                    b.workdays.length === 0 ? '—' : b.workdays.map((d) => <Tag key={d}>{d.slice(5)}</Tag>),
                },
              ]}
            />
            {p.change.yearLoaded && (
              <Alert
                style={{ marginTop: 8 }}
                type="info"
                showIcon
                data-testid="holiday-notice-change"
                message={`${p.year} 年已有节假日数据，导入将替换它`}
                description={
                  p.change.added.length + p.change.removed.length + p.change.changed.length === 0
                    ? '与现有数据完全一致。'
                    : `新增 ${p.change.added.length} 天，删除 ${p.change.removed.length} 天，改变 ${p.change.changed.length} 天：${[
                        ...p.change.added,
                        ...p.change.removed,
                        ...p.change.changed,
                      ].join('、')}`
                }
              />
            )}
            {p.warnings.length > 0 && (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                data-testid="holiday-notice-warnings"
                message="请核对以下几处"
                description={
                  <>
                    <ul style={{ paddingLeft: 18, margin: 0 }}>
                      {p.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                    <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
                      已与通知原文核对，仍按上述日期导入
                    </Checkbox>
                  </>
                }
              />
            )}
          </div>
        )}
      </Space>
    </Modal>
  );
}
