import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Card, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import { ONLINE_INDICATORS } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { submitCaseRating, submitSmsRating, useSmsLink } from '../api';
import { RatingForm, type RatingValues } from '../components/rating-form';

const INDICATORS = ONLINE_INDICATORS.filter((k) => k !== 'overall');

function Done() {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('evaluations.rate.thanks')}
      subTitle={t('evaluations.rate.thanksSub')}
      data-testid="rate-done"
    />
  );
}

/** 一事一评 online: the applicant rates a concluded case with its number and 查询码. */
export function RateCasePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ caseNo: string; queryCode: string }>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const onSubmit = async (v: RatingValues) => {
    setError(undefined);
    try {
      const creds = await form.validateFields();
      setBusy(true);
      await submitCaseRating({ ...creds, ...v });
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError) setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('evaluations.rate.title')} style={{ maxWidth: 820, margin: '24px auto' }}>
      {done ? (
        <Done />
      ) : (
        <Flex vertical gap={16}>
          <Form form={form} layout="inline">
            <Form.Item name="caseNo" label={t('evaluations.rate.caseNo')} rules={[{ required: true }]}>
              <Input data-testid="rate-case-no" />
            </Form.Item>
            <Form.Item name="queryCode" label={t('evaluations.rate.queryCode')} rules={[{ required: true }]}>
              <Input data-testid="rate-query-code" />
            </Form.Item>
          </Form>
          <RatingForm indicators={INDICATORS} busy={busy} onSubmit={(v) => void onSubmit(v)} />
          {error && <Alert type="error" showIcon message={error} />}
        </Flex>
      )}
    </Card>
  );
}

/** The single-use SMS link (EVAL-3): bound to one case, answers the same for forged and used links. */
export function RateSmsPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const link = useSmsLink(token);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  if (link.isLoading) return <Spin style={{ display: 'block', margin: '30vh auto' }} />;
  if (done) return <Done />;
  if (!link.data)
    return (
      <Result
        status="warning"
        title={link.error instanceof ApiError ? link.error.message : t('evaluations.rate.linkInvalid')}
      />
    );
  return (
    <Card title={t('evaluations.rate.title')} style={{ maxWidth: 820, margin: '24px auto' }}>
      <Typography.Paragraph>
        {link.data.departmentName}：{link.data.itemName}
      </Typography.Paragraph>
      <RatingForm
        indicators={INDICATORS}
        busy={busy}
        onSubmit={(v) => {
          setBusy(true);
          setError(undefined);
          submitSmsRating(token, v)
            .then(() => setDone(true))
            .catch((e: unknown) => setError(e instanceof ApiError ? e.message : t('evaluations.rate.failed')))
            .finally(() => setBusy(false));
        }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
    </Card>
  );
}
