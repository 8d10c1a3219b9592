import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import { ApiError } from '../../../app/api-client';
import { usePublicReport, useSubmitPublicFeedback } from '../api';
import { ReportDocument } from '../components/report-document';

type FeedbackValues = { name?: string; contact: string; text: string };

function FeedbackForm({ inspectionId }: { inspectionId: string }) {
  const [form] = Form.useForm<FeedbackValues>();
  const submit = useSubmitPublicFeedback(inspectionId);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();

  const onFinish = async (v: FeedbackValues) => {
    setError(undefined);
    try {
      await submit.mutateAsync({
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        contact: v.contact.trim(),
        text: v.text.trim(),
      });
      setDone(true);
      form.resetFields();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请稍后再试');
    }
  };

  return (
    <Card title="意见反馈" style={{ maxWidth: 820, margin: '24px auto 0' }} data-testid="public-feedback">
      {done ? (
        <Result
          status="success"
          title="感谢您的意见，我们已收到"
          subTitle="整改工作人员将认真研究，必要时与您联系。"
          data-testid="public-feedback-done"
          extra={<Button onClick={() => setDone(false)}>继续反映</Button>}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            对整改落实情况有意见或建议，请在此留言。联系方式仅用于核实和回复，不会公开。
          </Typography.Paragraph>
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="public-feedback-error"
            />
          )}
          <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark>
            <Form.Item
              name="name"
              label="姓名（可不填）"
              rules={[{ max: 50, message: '姓名不超过 50 个字' }]}
            >
              <Input maxLength={50} data-testid="public-feedback-name" />
            </Form.Item>
            <Form.Item
              name="contact"
              label="联系方式"
              rules={[
                { required: true, whitespace: true, message: '请填写手机号码或电子邮箱' },
                { max: 100, message: '联系方式不超过 100 个字' },
              ]}
            >
              <Input maxLength={100} placeholder="手机号码或电子邮箱" data-testid="public-feedback-contact" />
            </Form.Item>
            <Form.Item
              name="text"
              label="意见建议"
              rules={[
                { required: true, whitespace: true, message: '请填写意见建议' },
                { max: 2000, message: '意见建议不超过 2000 个字' },
              ]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="public-feedback-text" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={submit.isPending}
              data-testid="public-feedback-submit"
            >
              提交
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

/** 整改通报 (public, no sign-in): the published report and a feedback form. */
export function PublicReportPage() {
  const { inspectionId = '' } = useParams();
  const report = usePublicReport(inspectionId);

  useEffect(() => {
    if (report.data) document.title = report.data.title;
  }, [report.data]);

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', paddingBottom: 48 }}>
      <div style={{ background: '#a8071a', color: '#fff', padding: '14px 24px', marginBottom: 24 }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>整改通报</Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', marginLeft: 12 }}>
          巡察整改情况公开 · 接受社会监督
        </Typography.Text>
      </div>
      {report.isLoading ? (
        <Flex justify="center" style={{ padding: 96 }}>
          <Spin size="large" />
        </Flex>
      ) : report.error || !report.data ? (
        <Result
          status="404"
          data-testid="public-report-error"
          title={
            report.error instanceof ApiError && report.error.status < 500
              ? report.error.message
              : '通报暂时无法打开，请稍后再试'
          }
        />
      ) : (
        <div style={{ padding: '0 16px' }}>
          <ReportDocument model={report.data} />
          <FeedbackForm inspectionId={inspectionId} />
        </div>
      )}
    </div>
  );
}
