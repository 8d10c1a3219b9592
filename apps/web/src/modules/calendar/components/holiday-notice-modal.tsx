import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { HolidayNoticePreview } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useApplyHolidayNotice, usePreviewHolidayNotice } from '../api';
import { tr } from '../../../app/i18n';

/** "2027-02-06" … "2027-02-13" → "2月6日至2月13日（8天）"; a single day → "1月1日". */
function describeDays(dates: string[]): string {
  if (dates.length === 0) return '—';
  const md = (d: string) =>
    tr('calendar.holidayNoticeModal.text', { v0: Number(d.slice(5, 7)), v1: Number(d.slice(8, 10)) });
  if (dates.length === 1) return md(dates[0]!);
  return tr('calendar.holidayNoticeModal.toDays', {
    v0: md(dates[0]!),
    v1: md(dates.at(-1)!),
    length: dates.length,
  });
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
      tr('calendar.holidayNoticeModal.holidaysOfLoadedDays', {
        year: r.year,
        holidays: r.holidays,
        workdays: r.workdays,
        v3: r.replaced ? tr('calendar.holidayNoticeModal.replacesTheLoadedData') : '',
      }),
    );
    close();
  };
  const error = preview.error ?? apply.error;

  return (
    <Modal
      open={open}
      width={760}
      title={tr('calendar.holidayNoticeModal.loadTheStateCouncil')}
      onCancel={close}
      data-testid="holiday-notice-modal"
      footer={
        <Space>
          <Button onClick={close}>{tr('calendar.holidayNoticeModal.cancel')}</Button>
          <Button
            onClick={() => {
              setChecked(false);
              preview.mutate({ text });
            }}
            loading={preview.isPending}
            disabled={text.trim().length < 20}
            data-testid="holiday-notice-preview"
          >
            {tr('calendar.holidayNoticeModal.preview')}
          </Button>
          <Button
            type="primary"
            disabled={!p || (p.warnings.length > 0 && !checked)}
            loading={apply.isPending}
            onClick={() => void onApply()}
            data-testid="holiday-notice-apply"
          >
            {tr('calendar.holidayNoticeModal.confirmAndLoad')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {tr('calendar.holidayNoticeModal.aroundNovemberEachYear')}
        </Typography.Paragraph>
        <Input.TextArea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            preview.reset();
          }}
          rows={8}
          placeholder={tr('calendar.holidayNoticeModal.n2027113')}
          data-testid="holiday-notice-text"
        />
        {error && (
          <Alert
            type="error"
            showIcon
            message={
              error instanceof ApiError ? error.message : tr('calendar.holidayNoticeModal.operationFailed')
            }
          />
        )}
        {p && (
          <div data-testid="holiday-notice-result">
            <Descriptions size="small" column={3} bordered style={{ marginBottom: 8 }}>
              <Descriptions.Item label={tr('calendar.holidayNoticeModal.year')}>
                {p.year} {tr('calendar.holidayNoticeModal.text2')}
              </Descriptions.Item>
              <Descriptions.Item label={tr('calendar.holidayNoticeModal.daysOff')}>
                {p.days.filter((d) => d.kind === 'holiday').length} {tr('calendar.holidayNoticeModal.days')}
              </Descriptions.Item>
              <Descriptions.Item label={tr('calendar.holidayNoticeModal.makeUpWorkingDays')}>
                {p.days.filter((d) => d.kind === 'workday').length} {tr('calendar.holidayNoticeModal.days')}
              </Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={p.blocks}
              columns={[
                { title: tr('calendar.holidayNoticeModal.holiday'), dataIndex: 'name', width: 120 },
                {
                  title: tr('calendar.holidayNoticeModal.daysOff'),
                  render: (_, b) => describeDays(b.holidays),
                },
                {
                  title: tr('calendar.holidayNoticeModal.makeUpWorkingDays'),
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
                message={tr('calendar.holidayNoticeModal.holidaysOfAreAlready', { year: p.year })}
                description={
                  p.change.added.length + p.change.removed.length + p.change.changed.length === 0
                    ? tr('calendar.holidayNoticeModal.identicalToTheLoaded')
                    : tr('calendar.holidayNoticeModal.daysAddedRemovedChanged', {
                        length: p.change.added.length,
                        length1: p.change.removed.length,
                        length2: p.change.changed.length,
                        v3: [...p.change.added, ...p.change.removed, ...p.change.changed].join('、'),
                      })
                }
              />
            )}
            {p.warnings.length > 0 && (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                data-testid="holiday-notice-warnings"
                message={tr('calendar.holidayNoticeModal.pleaseCheckTheFollowing')}
                description={
                  <>
                    <ul style={{ paddingLeft: 18, margin: 0 }}>
                      {p.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                    <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)}>
                      {tr('calendar.holidayNoticeModal.checkedAgainstTheNotice')}
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
