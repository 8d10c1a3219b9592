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

/** The server's numbers, shown as they come (TRUTH-1). */
function ReportNumbersCard({ n }: { n: ReportNumbers }) {
  const items: { key: string; title: string; value: string | number; suffix?: string; danger?: boolean }[] = [
    { key: 'findingsTotal', title: '反馈问题', value: n.findingsTotal, suffix: '个' },
    { key: 'findingsDone', title: '已完成整改', value: n.findingsDone, suffix: '个' },
    { key: 'findingsInProgress', title: '正在推进', value: n.findingsInProgress, suffix: '个' },
    { key: 'findingsOngoing', title: '需长期坚持', value: n.findingsOngoing, suffix: '个' },
    {
      key: 'findingCompletionRate',
      title: '整改完成率',
      value: `${(n.findingCompletionRate * 100).toFixed(1)}`,
      suffix: '%',
    },
    { key: 'measuresTotal', title: '整改措施', value: n.measuresTotal, suffix: '项' },
    { key: 'measuresDone', title: '已销号', value: n.measuresDone, suffix: '项' },
    {
      key: 'measuresOverdue',
      title: '逾期未完成',
      value: n.measuresOverdue,
      suffix: '项',
      danger: n.measuresOverdue > 0,
    },
    { key: 'accountabilityTotal', title: '问责', value: n.accountabilityTotal, suffix: '人次' },
    { key: 'regulations', title: '建章立制', value: n.regulations, suffix: '项' },
    {
      key: 'money',
      title: '追缴 / 退还资金',
      value: `${formatYuan(n.recoveredFen)} / ${formatYuan(n.refundedFen)}`,
    },
    { key: 'leadsReferred', title: '移交问题线索', value: n.leadsReferred, suffix: '件' },
  ];
  return (
    <Card
      size="small"
      title="通报数据（由台账实时生成，仅已销号的措施计为完成）"
      data-testid="report-numbers"
    >
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
    notifySuccess('通报文字已保存');
  };

  return (
    <Card
      size="small"
      title="通报文字"
      data-testid="report-narratives"
      extra={
        <Button
          type="primary"
          size="small"
          loading={update.isPending}
          onClick={() => void onSave().catch(() => undefined)}
        >
          保存文字
        </Button>
      }
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="workDone"
          label="一、整改工作开展情况"
          extra="每段一行；通报数据段落由系统生成，接在其后"
          rules={[{ max: 20000, message: '不超过 20000 个字' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="report-work-done" />
        </Form.Item>
        <Form.Item
          name="nextSteps"
          label="四、下一步工作"
          rules={[{ max: 20000, message: '不超过 20000 个字' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="report-next-steps" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="contactPhone" label="联系电话" rules={[{ max: 50, message: '不超过 50 个字' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="contactEmail"
              label="电子邮箱"
              rules={[{ max: 100, message: '不超过 100 个字' }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="contactAddress"
          label="通信地址"
          style={{ marginBottom: 0 }}
          rules={[{ max: 200, message: '不超过 200 个字' }]}
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
    <Card size="small" title={`群众意见（${feedback.data?.length ?? 0} 条）`} data-testid="report-feedback">
      <Table
        size="small"
        rowKey="id"
        loading={feedback.isLoading}
        dataSource={feedback.data ?? []}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无群众意见' }}
        columns={[
          { title: '时间', key: 'at', width: 140, render: (_, r) => formatDateTime(r.createdAt) },
          { title: '姓名', dataIndex: 'name', key: 'name', width: 80, render: (v: string) => v || '匿名' },
          { title: '联系方式', dataIndex: 'contact', key: 'contact', width: 130 },
          { title: '意见建议', dataIndex: 'text', key: 'text' },
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
            整改通报
          </Typography.Title>
        }
      >
        <Space orientation="vertical">
          <Typography.Text>请选择要生成通报的巡察（检查）：</Typography.Text>
          <InspectionSelect
            list={inspections.data ?? []}
            value={chosen?.id}
            loading={inspections.isLoading}
            onChange={(v) => void navigate(`/ledger/${v}/report`)}
          />
          {chosen && (
            <Button type="primary" onClick={() => void navigate(`/ledger/${chosen.id}/report`)}>
              生成通报
            </Button>
          )}
        </Space>
      </Card>
    );
  }

  const publish = async (published: boolean) => {
    await update.mutateAsync({ id, patch: { published } });
    notifySuccess(published ? '通报已公开发布' : '已撤回公开');
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-page">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              整改通报
            </Typography.Title>
            {inspection && <Typography.Text type="secondary">{inspectionName(inspection)}</Typography.Text>}
            {inspection &&
              (inspection.publishedAt ? (
                <Tag color="success" data-testid="report-published">
                  已公开（{formatDateTime(inspection.publishedAt)}）
                </Tag>
              ) : (
                <Tag data-testid="report-published">未公开</Tag>
              ))}
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<UnorderedListOutlined />}
              onClick={() => void navigate(`/ledger?inspection=${id}`)}
            >
              返回台账
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={reportDocxUrl(id)}
              download
              data-testid="report-download"
            >
              下载 Word
            </Button>
            {inspection?.publishedAt && (
              <Link to={`/reports/${id}`} target="_blank" data-testid="report-public-link">
                <Button icon={<EyeOutlined />}>查看公开页面</Button>
              </Link>
            )}
            {canWrite &&
              inspection &&
              (inspection.publishedAt ? (
                <Popconfirm
                  title="撤回公开？"
                  description="公开页面将不再可访问。"
                  okText="撤回"
                  cancelText="取消"
                  onConfirm={() => publish(false)}
                >
                  <Button danger>撤回公开</Button>
                </Popconfirm>
              ) : (
                <Popconfirm
                  title="公开发布这份通报？"
                  description="发布后无需登录即可查看，并可提交意见。"
                  okText="发布"
                  cancelText="取消"
                  onConfirm={() => publish(true)}
                >
                  <Button type="primary" icon={<SendOutlined />} data-testid="report-publish">
                    发布
                  </Button>
                </Popconfirm>
              ))}
          </Space>
        }
      >
        <Typography.Text type="secondary">
          通报中的数字均在生成时由台账计算，只有已销号的整改措施计为完成，不可手工填写。
          {report.data ? ` 数据截至 ${report.data.asOf}。` : ''}
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
              <Card size="small" title="通报预览" styles={{ body: { background: '#f0f2f5', padding: 24 } }}>
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
