import { useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { FileWordOutlined, EyeOutlined } from '@ant-design/icons';
import { DELIVERY_METHOD_LABELS, NOTICE_KIND_LABELS, type CaseNotice } from '@tongban/contracts';
import { PublicShell } from '../../catalog';
import { CaseRatingPanel } from '../../evaluations';
import { downloadTrackedNotice, trackCase, type TrackReply } from '../api';
import { ClockTag, NoticeNo, VisitsText, clockTooltip, formatTime } from '../components/case-tags';
import { DottedId } from '../components/dotted-id';
import { NoticeDocument } from '../components/notice-document';
import { SupplementUpload } from '../components/supplement-upload';
import { tr } from '../../../app/i18n';
import { labelsOf, stepLabel } from '../../../app/enum-labels';

/**
 * The applicant's progress from what the tracking API returns: receipt, every notice (accept,
 * supplement, suspension, extension, decision), delivery. The API gives no event log to the public.
 */
function progressOf(r: TrackReply) {
  const items: { at: string; text: string }[] = [];
  if (r.receivedAt) items.push({ at: r.receivedAt, text: tr('cases.trackPage.received') });
  for (const n of r.notices)
    items.push({ at: n.issuedAt, text: `${labelsOf(NOTICE_KIND_LABELS)[n.kind]}（${n.noticeNo}）` });
  items.sort((a, b) => a.at.localeCompare(b.at));
  if (r.delivery)
    items.push({
      at: '',
      text: `${r.status === 'delivered' ? tr('cases.trackPage.delivered') : tr('cases.trackPage.toCollectDeliver')}：${labelsOf(DELIVERY_METHOD_LABELS)[r.delivery.method]}${r.delivery.trackingNo ? tr('cases.trackPage.trackingNumber', { trackingNo: r.delivery.trackingNo }) : ''}`,
    });
  return items;
}

/**
 * 办件查询 (no sign-in): case number + 查询码 → status, progress, notices, license. SEC-2: the case
 * number is sequential; the 查询码 (on the receipt, or shown after an online submission) is not.
 */
export function TrackPage() {
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ caseNo: string; queryCode: string }>();
  const [reply, setReply] = useState<TrackReply>();
  const [asked, setAsked] = useState<{ caseNo: string; queryCode: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<CaseNotice>();
  const [supplied, setSupplied] = useState(false);

  // 我的办件 opens a case with its number and 查询码 in the page state (never in the address).
  const opened = useLocation().state as { caseNo?: string; queryCode?: string } | null;
  useEffect(() => {
    if (!opened?.caseNo || !opened.queryCode) return;
    form.setFieldsValue({ caseNo: opened.caseNo, queryCode: opened.queryCode });
    void search();
    // Once, on arrival.
  }, []);

  const search = async () => {
    const v = await form.validateFields();
    const input = { caseNo: v.caseNo.trim(), queryCode: v.queryCode.replace(/[\s-]/g, '').toUpperCase() };
    setBusy(true);
    setError(undefined);
    try {
      setReply(await trackCase(input.caseNo, input.queryCode));
      setAsked(input);
      setSupplied(false);
    } catch (e) {
      setReply(undefined);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell title={tr('cases.trackPage.trackACase')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="track-page">
        <Card>
          <Form
            form={form}
            layout="inline"
            initialValues={{ caseNo: params.get('caseNo') ?? '' }}
            onFinish={() => void search()}
          >
            <Form.Item
              name="caseNo"
              label={tr('cases.trackPage.caseNo')}
              rules={[
                { required: true, message: tr('cases.trackPage.pleaseEnterTheCase') },
                // The server's own check (TrackInput), said here in the screen's language.
                { pattern: /^\s*\d{6,12}-\d{8}-\d{5}\s*$/, message: tr('cases.trackPage.caseNoFormat') },
              ]}
            >
              <Input
                style={{ width: 240 }}
                placeholder={tr('cases.trackPage.eG35099920261120')}
                data-testid="track-case-no"
              />
            </Form.Item>
            <Form.Item
              name="queryCode"
              label={tr('cases.trackPage.queryCode')}
              tooltip={tr('cases.trackPage.n10LettersAndDigits')}
              rules={[
                { required: true, message: tr('cases.trackPage.pleaseEnterTheQuery') },
                {
                  pattern: /^\s*[2-9A-HJKMNP-Za-hjkmnp-z\s-]{10,20}\s*$/,
                  message: tr('cases.trackPage.queryCodeFormat'),
                },
              ]}
            >
              <Input
                style={{ width: 180 }}
                maxLength={20}
                autoComplete="off"
                placeholder={tr('cases.trackPage.eG7kq2m9xh4p')}
                data-testid="track-query-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="track-submit">
              {tr('cases.trackPage.search')}
            </Button>
          </Form>
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="track-error" />
          )}
        </Card>
        {reply && asked && (
          <Card
            title={
              <Space>
                <span>{reply.caseNo}</span>
                <Tag color="blue" data-testid="track-status">
                  {reply.statusLabel}
                </Tag>
              </Space>
            }
            data-testid="track-result"
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={tr('cases.trackPage.item')}>{reply.itemName}</Descriptions.Item>
              <Descriptions.Item label={tr('cases.trackPage.department')}>
                {reply.departmentName}
              </Descriptions.Item>
              <Descriptions.Item label={tr('cases.trackPage.currentStep')}>
                {reply.status === 'accepted' ? (reply.stepName ? stepLabel(reply.stepName) : '—') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={tr('cases.trackPage.receivedAt')}>
                {formatTime(reply.receivedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={tr('cases.trackPage.timeLimit')}>
                <Space>
                  <ClockTag clock={reply.clock} />
                  {reply.clock && reply.clock.phase !== 'done' && (
                    <span style={{ fontSize: 12 }}>{clockTooltip(reply.clock)}</span>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={tr('cases.trackPage.visits')}>
                <VisitsText visits={reply.visits} maxVisits={reply.maxVisits} />
              </Descriptions.Item>
              {reply.licenseId && reply.licenseVerifyToken && (
                <Descriptions.Item label={tr('cases.trackPage.eLicense')} span={2}>
                  <Link
                    to={`/verify/${encodeURIComponent(reply.licenseVerifyToken)}`}
                    data-testid="track-license"
                  >
                    <DottedId id={reply.licenseId} />
                  </Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 20 }}>
              {tr('cases.trackPage.progress')}
            </Typography.Title>
            <Timeline
              data-testid="track-timeline"
              items={progressOf(reply).map((p, i) => ({
                key: i,
                content: (
                  <span>
                    {p.text}
                    {p.at && (
                      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                        {formatTime(p.at)}
                      </Typography.Text>
                    )}
                  </span>
                ),
              }))}
            />
            {supplied && (
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 16 }}
                title={tr('cases.trackPage.correctionsSubmittedWaitingFor')}
                data-testid="track-supplement-done"
              />
            )}
            {reply.status === 'supplement_requested' && supplementNotice(reply) && (
              <SupplementUpload
                caseNo={asked.caseNo}
                queryCode={asked.queryCode}
                notice={supplementNotice(reply)!}
                onDone={() =>
                  void trackCase(asked.caseNo, asked.queryCode).then((r) => (setReply(r), setSupplied(true)))
                }
              />
            )}
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {tr('cases.trackPage.notices')}
            </Typography.Title>
            <List
              size="small"
              dataSource={reply.notices}
              locale={{ emptyText: tr('cases.trackPage.noNoticesYet') }}
              renderItem={(n) => (
                <List.Item
                  data-testid="track-notice"
                  actions={[
                    <Button key="view" size="small" icon={<EyeOutlined />} onClick={() => setShown(n)}>
                      {tr('cases.trackPage.view')}
                    </Button>,
                    <Button
                      key="docx"
                      size="small"
                      icon={<FileWordOutlined />}
                      onClick={() =>
                        void downloadTrackedNotice(asked.caseNo, asked.queryCode, n.id, `${n.noticeNo}.docx`)
                      }
                    >
                      {tr('cases.trackPage.download')}
                    </Button>,
                  ]}
                >
                  <Space>
                    <Tag color="blue">{labelsOf(NOTICE_KIND_LABELS)[n.kind]}</Tag>
                    <NoticeNo>{n.noticeNo}</NoticeNo>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(n.issuedAt)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
        {/* 一事一评: a concluded case is rated here (the evaluations module's panel). */}
        {reply && asked && <CaseRatingPanel caseNo={asked.caseNo} queryCode={asked.queryCode} />}
      </Space>
      <Modal
        open={!!shown}
        footer={null}
        onCancel={() => setShown(undefined)}
        width={760}
        title={shown?.title}
      >
        {shown && <NoticeDocument notice={shown} />}
      </Modal>
    </PublicShell>
  );
}

/** The latest 一次性告知补正 notice: the one the applicant answers. */
function supplementNotice(r: TrackReply): CaseNotice | undefined {
  return r.notices
    .filter((n) => n.kind === 'supplement')
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))[0];
}
