import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import { ApiError } from '../../../app/api-client';
import { usePublicReport, useSubmitPublicFeedback } from '../api';
import { ReportDocument } from '../components/report-document';
import { tr } from '../../../app/i18n';
import { LanguageSwitch } from '../../../app/language-switch';

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
      setError(e instanceof ApiError ? e.message : tr('ledger.publicReportPage.submittingFailedPleaseTry'));
    }
  };

  return (
    <Card
      title={tr('ledger.publicReportPage.feedback')}
      style={{ maxWidth: 820, margin: '24px auto 0' }}
      data-testid="public-feedback"
    >
      {done ? (
        <Result
          status="success"
          title={tr('ledger.publicReportPage.thankYouWeReceived')}
          subTitle={tr('ledger.publicReportPage.theRectificationStaffWill')}
          data-testid="public-feedback-done"
          extra={<Button onClick={() => setDone(false)}>{tr('ledger.publicReportPage.sendMore')}</Button>}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {tr('ledger.publicReportPage.commentsOrSuggestionsOn')}
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
              label={tr('ledger.publicReportPage.nameOptional')}
              rules={[{ max: 50, message: tr('ledger.publicReportPage.theNameMayHave') }]}
            >
              <Input maxLength={50} data-testid="public-feedback-name" />
            </Form.Item>
            <Form.Item
              name="contact"
              label={tr('ledger.publicReportPage.contact')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: tr('ledger.publicReportPage.pleaseEnterAMobile'),
                },
                { max: 100, message: tr('ledger.publicReportPage.theContactMayHave') },
              ]}
            >
              <Input
                maxLength={100}
                placeholder={tr('ledger.publicReportPage.mobileNumberOrEmail')}
                data-testid="public-feedback-contact"
              />
            </Form.Item>
            <Form.Item
              name="text"
              label={tr('ledger.publicReportPage.comments')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: tr('ledger.publicReportPage.pleaseEnterYourComments'),
                },
                { max: 2000, message: tr('ledger.publicReportPage.commentsMayHaveAt') },
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
              {tr('ledger.publicReportPage.submit')}
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
      <Flex
        align="center"
        justify="space-between"
        wrap
        style={{ background: '#a8071a', color: '#fff', padding: '8px 24px', marginBottom: 24 }}
      >
        <div>
          <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
            {tr('ledger.publicReportPage.rectificationReport')}
          </Typography.Text>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', marginLeft: 12 }}>
            {tr('ledger.publicReportPage.rectificationMadePublicOpen')}
          </Typography.Text>
        </div>
        <LanguageSwitch ghost />
      </Flex>
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
              : tr('ledger.publicReportPage.theReportCannotBe')
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
