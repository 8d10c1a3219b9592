import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, EyeOutlined, SendOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import {
  reportDocxUrl,
  useInspectionDetail,
  usePublicFeedbackList,
  useReport,
  useUpdateInspection,
  type Inspection,
  type ReportNumbers,
} from '../api';
import { InspectionSelect, inspectionName, useChosenInspection } from '../components/inspection-picker';
import { formatDateTime, formatYuan } from '../components/ledger-tags';
import { ReportDocument } from '../components/report-document';
import { tr } from '../../../app/i18n';

/** The server's numbers, shown as they come (TRUTH-1). */
function ReportNumbersCard({ n }: { n: ReportNumbers }) {
  const items: { key: string; title: string; value: string | number; suffix?: string; danger?: boolean }[] = [
    {
      key: 'findingsTotal',
      title: tr('ledger.reportPage.problems'),
      value: n.findingsTotal,
      suffix: tr('ledger.reportPage.text'),
    },
    {
      key: 'findingsDone',
      title: tr('ledger.reportPage.completed'),
      value: n.findingsDone,
      suffix: tr('ledger.reportPage.text'),
    },
    {
      key: 'findingsInProgress',
      title: tr('ledger.reportPage.inProgress'),
      value: n.findingsInProgress,
      suffix: tr('ledger.reportPage.text'),
    },
    {
      key: 'findingsOngoing',
      title: tr('ledger.reportPage.ongoing'),
      value: n.findingsOngoing,
      suffix: tr('ledger.reportPage.text'),
    },
    {
      key: 'findingsWithoutMeasures',
      title: tr('ledger.reportPage.noMeasure'),
      value: n.findingsWithoutMeasures,
      suffix: tr('ledger.reportPage.text'),
    },
    {
      key: 'findingCompletionRate',
      title: tr('ledger.reportPage.completionRate'),
      value: `${(n.findingCompletionRate * 100).toFixed(1)}`,
      suffix: '%',
    },
    {
      key: 'measuresTotal',
      title: tr('ledger.reportPage.measure'),
      value: n.measuresTotal,
      suffix: tr('ledger.reportPage.items'),
    },
    {
      key: 'measuresDone',
      title: tr('ledger.reportPage.closed'),
      value: n.measuresDone,
      suffix: tr('ledger.reportPage.items'),
    },
    {
      key: 'measuresOverdue',
      title: tr('ledger.reportPage.overdue'),
      value: n.measuresOverdue,
      suffix: tr('ledger.reportPage.items'),
      danger: n.measuresOverdue > 0,
    },
    {
      key: 'accountabilityTotal',
      title: tr('ledger.reportPage.accountability'),
      value: n.accountabilityTotal,
      suffix: tr('ledger.reportPage.persons'),
    },
    {
      key: 'regulations',
      title: tr('ledger.reportPage.newRules'),
      value: n.regulations,
      suffix: tr('ledger.reportPage.items'),
    },
    {
      key: 'money',
      title: tr('ledger.reportPage.fundsRecoveredReturned'),
      value: `${formatYuan(n.recoveredFen)} / ${formatYuan(n.refundedFen)}`,
    },
    {
      key: 'leadsReferred',
      title: tr('ledger.reportPage.leadsTransferred'),
      value: n.leadsReferred,
      suffix: tr('ledger.reportPage.cases'),
    },
  ];
  return (
    <Card size="small" title={tr('ledger.reportPage.reportFiguresFromThe')} data-testid="report-numbers">
      <Row gutter={[16, 16]}>
        {items.map((i) => (
          <Col key={i.key} xs={12} md={6} xl={4}>
            <div data-testid={`report-number-${i.key}`} data-value={i.value}>
              <Statistic
                title={i.title}
                value={i.value}
                suffix={i.suffix}
                styles={{
                  content: i.key === 'money' ? { fontSize: 16 } : i.danger ? { color: '#cf1322' } : {},
                }}
              />
            </div>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

type NarrativeValues = {
  workDone: string;
  nextSteps: string;
  contactPhone: string;
  contactEmail: string;
  contactAddress: string;
};

function NarrativeForm({ inspection }: { inspection: Inspection }) {
  const [form] = Form.useForm<NarrativeValues>();
  const update = useUpdateInspection();
  useEffect(() => {
    form.setFieldsValue({
      workDone: inspection.workDone,
      nextSteps: inspection.nextSteps,
      contactPhone: inspection.contactPhone,
      contactEmail: inspection.contactEmail,
      contactAddress: inspection.contactAddress,
    });
  }, [inspection, form]);

  const onSave = async () => {
    const v = await form.validateFields();
    await update.mutateAsync({
      id: inspection.id,
      patch: {
        workDone: v.workDone ?? '',
        nextSteps: v.nextSteps ?? '',
        contactPhone: v.contactPhone ?? '',
        contactEmail: v.contactEmail ?? '',
        contactAddress: v.contactAddress ?? '',
      },
    });
    notifySuccess(tr('ledger.reportPage.reportTextSaved'));
  };

  return (
    <Card
      size="small"
      title={tr('ledger.reportPage.reportText')}
      data-testid="report-narratives"
      extra={
        <Button
          type="primary"
          size="small"
          loading={update.isPending}
          onClick={() => void onSave().catch(() => undefined)}
        >
          {tr('ledger.reportPage.saveText')}
        </Button>
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="workDone"
          label={tr('ledger.reportPage.n1RectificationWork')}
          extra={tr('ledger.reportPage.oneParagraphALine')}
          rules={[{ max: 20000, message: tr('ledger.reportPage.atMost20000Characters') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="report-work-done" />
        </Form.Item>
        <Form.Item
          name="nextSteps"
          label={tr('ledger.reportPage.n4NextSteps')}
          rules={[{ max: 20000, message: tr('ledger.reportPage.atMost20000Characters') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="report-next-steps" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              name="contactPhone"
              label={tr('ledger.reportPage.phone')}
              rules={[{ max: 50, message: tr('ledger.reportPage.atMost50Characters') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="contactEmail"
              label={tr('ledger.reportPage.email')}
              rules={[{ max: 100, message: tr('ledger.reportPage.atMost100Characters') }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="contactAddress"
          label={tr('ledger.reportPage.address')}
          style={{ marginBottom: 0 }}
          rules={[{ max: 200, message: tr('ledger.reportPage.atMost200Characters') }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Card>
  );
}

function FeedbackCard({ inspectionId }: { inspectionId: string }) {
  const feedback = usePublicFeedbackList(inspectionId, true);
  return (
    <Card
      size="small"
      title={tr('ledger.reportPage.publicFeedback', { v0: feedback.data?.length ?? 0 })}
      data-testid="report-feedback"
    >
      <Table
        size="small"
        rowKey="id"
        loading={feedback.isLoading}
        dataSource={feedback.data ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: tr('ledger.reportPage.noPublicFeedbackYet') }}
        columns={[
          {
            title: tr('ledger.reportPage.time'),
            key: 'at',
            width: 140,
            render: (_, r) => formatDateTime(r.createdAt),
          },
          {
            title: tr('ledger.reportPage.name'),
            dataIndex: 'name',
            key: 'name',
            width: 80,
            render: (v: string) => v || tr('ledger.reportPage.anonymous'),
          },
          { title: tr('ledger.reportPage.contact'), dataIndex: 'contact', key: 'contact', width: 130 },
          { title: tr('ledger.reportPage.comments'), dataIndex: 'text', key: 'text' },
        ]}
      />
    </Card>
  );
}

/** 整改通报: the report generated from the ledger, its narratives, Word download and publishing. */
export function ReportPage() {
  const { inspectionId } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const canWrite = can('ledger.write');
  const { inspections, chosen } = useChosenInspection();
  const id = inspectionId;
  const report = useReport(id);
  const detail = useInspectionDetail(id);
  const update = useUpdateInspection();
  const inspection = detail.data?.inspection;

  if (!id) {
    return (
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {tr('ledger.reportPage.rectificationReport')}
          </Typography.Title>
        }
      >
        <Space orientation="vertical">
          <Typography.Text>{tr('ledger.reportPage.chooseTheInspectionTo')}</Typography.Text>
          <InspectionSelect
            list={inspections.data ?? []}
            value={chosen?.id}
            loading={inspections.isLoading}
            onChange={(v) => void navigate(`/ledger/${v}/report`)}
          />
          {chosen && (
            <Button type="primary" onClick={() => void navigate(`/ledger/${chosen.id}/report`)}>
              {tr('ledger.reportPage.generateReport')}
            </Button>
          )}
        </Space>
      </Card>
    );
  }

  const publish = async (published: boolean) => {
    await update.mutateAsync({ id, patch: { published } });
    notifySuccess(
      published ? tr('ledger.reportPage.reportPublished') : tr('ledger.reportPage.publicationWithdrawn'),
    );
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-page">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {tr('ledger.reportPage.rectificationReport')}
            </Typography.Title>
            {inspection && <Typography.Text type="secondary">{inspectionName(inspection)}</Typography.Text>}
            {inspection &&
              (inspection.publishedAt ? (
                <Tag color="success" data-testid="report-published">
                  {tr('ledger.reportPage.published')}
                  {formatDateTime(inspection.publishedAt)}）
                </Tag>
              ) : (
                <Tag data-testid="report-published">{tr('ledger.reportPage.notPublished')}</Tag>
              ))}
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<UnorderedListOutlined />}
              onClick={() => void navigate(`/ledger?inspection=${id}`)}
            >
              {tr('ledger.reportPage.backToTheLedger')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={reportDocxUrl(id)}
              download
              data-testid="report-download"
            >
              {tr('ledger.reportPage.downloadWord')}
            </Button>
            {inspection?.publishedAt && (
              <Link to={`/reports/${id}`} target="_blank" data-testid="report-public-link">
                <Button icon={<EyeOutlined />}>{tr('ledger.reportPage.viewPublicPage')}</Button>
              </Link>
            )}
            {canWrite &&
              inspection &&
              (inspection.publishedAt ? (
                <Popconfirm
                  title={tr('ledger.reportPage.withdrawPublication')}
                  description={tr('ledger.reportPage.thePublicPageWill')}
                  okText={tr('ledger.reportPage.withdraw')}
                  cancelText={tr('ledger.reportPage.cancel')}
                  onConfirm={() => publish(false)}
                >
                  <Button danger>{tr('ledger.reportPage.withdrawPublication2')}</Button>
                </Popconfirm>
              ) : (
                <Popconfirm
                  title={tr('ledger.reportPage.publishThisReport')}
                  description={tr('ledger.reportPage.oncePublishedAnyoneCan')}
                  okText={tr('ledger.reportPage.publish')}
                  cancelText={tr('ledger.reportPage.cancel')}
                  onConfirm={() => publish(true)}
                >
                  <Button type="primary" icon={<SendOutlined />} data-testid="report-publish">
                    {tr('ledger.reportPage.publish')}
                  </Button>
                </Popconfirm>
              ))}
          </Space>
        }
      >
        <Typography.Text type="secondary">
          {tr('ledger.reportPage.theReportSFigures')}
          {report.data ? tr('ledger.reportPage.figuresAsOf', { asOf: report.data.asOf }) : ''}
        </Typography.Text>
      </Card>
      {report.isLoading ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : report.error ? (
        <Alert type="error" showIcon title={report.error.message} />
      ) : report.data ? (
        <>
          <ReportNumbersCard n={report.data.numbers} />
          <Row gutter={16}>
            <Col xs={24} xl={canWrite ? 15 : 24}>
              <Card
                size="small"
                title={tr('ledger.reportPage.reportPreview')}
                styles={{ body: { background: '#f0f2f5', padding: 24 } }}
              >
                <ReportDocument model={report.data} showStatus />
              </Card>
            </Col>
            {canWrite && inspection && (
              <Col xs={24} xl={9}>
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <NarrativeForm inspection={inspection} />
                  <FeedbackCard inspectionId={id} />
                </Space>
              </Col>
            )}
          </Row>
        </>
      ) : (
        <Empty />
      )}
    </Space>
  );
}
