import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Applicant } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { intakeBundle, lookupApplicant, useBundleDefinitions } from '../api';

/** 综合窗口一窗受理 (BUN-1): one application, one set of materials, a branch case per item. */
export function BundleIntakePage() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const defs = useBundleDefinitions();
  const [defId, setDefId] = useState<string>();
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<Applicant | null>(null);
  const [lookedUp, setLookedUp] = useState(false);
  const applicantId = found?.id ?? '';
  // The number goes in a POST body (never a URL) and is looked up by its keyed hash on the server.
  const lookup = async () => {
    setError(undefined);
    try {
      const r = await lookupApplicant(number.trim().toUpperCase());
      setFound(r.items[0] ?? null);
      setLookedUp(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const [values, setValues] = useState<Record<string, string>>({});
  const [provided, setProvided] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const def = defs.data?.items.find((d) => d.id === defId && d.status === 'published');
  const submit = async () => {
    if (!def) return;
    setError(undefined);
    try {
      const r = await intakeBundle({
        definitionId: def.id,
        applicantId,
        formValues: Object.fromEntries(Object.entries(values).filter(([, v]) => v)),
        materials: def.materials.map((m) => ({
          name: m.name,
          status: provided.includes(m.name) ? 'provided' : 'missing',
        })),
      });
      void nav(`/bundles/${r.bundleId}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('bundles.title.intake')}</Typography.Title>
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('bundles.intake.theme')}>
            <Select
              value={defId}
              onChange={setDefId}
              options={(defs.data?.items ?? [])
                .filter((d) => d.status === 'published')
                .map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item label={t('bundles.intake.applicantLookup')} help={t('bundles.intake.applicantHelp')}>
            <Space wrap>
              <Input
                data-testid="bundle-applicant-number"
                value={number}
                style={{ width: 260 }}
                onChange={(e) => setNumber(e.target.value)}
                onPressEnter={lookup}
              />
              <Button onClick={lookup} data-testid="bundle-applicant-lookup">
                {t('bundles.intake.lookup')}
              </Button>
              {found && (
                <Tag color="blue" data-testid="bundle-applicant-chosen">
                  {found.name}（{found.idNumberMasked}）
                </Tag>
              )}
              {lookedUp && !found && (
                <Typography.Text type="warning">{t('bundles.intake.notFound')}</Typography.Text>
              )}
            </Space>
          </Form.Item>
          {def && (
            <>
              <Typography.Title level={5}>{t('bundles.intake.form')}</Typography.Title>
              {def.formFields.map((f) => (
                <Form.Item key={f.key} label={`${f.label}${f.shared ? t('bundles.common.shared') : ''}`}>
                  <Input
                    value={values[f.key] ?? ''}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                  />
                </Form.Item>
              ))}
              <Typography.Title level={5}>{t('bundles.intake.materials')}</Typography.Title>
              <Checkbox.Group
                value={provided}
                onChange={(v) => setProvided(v as string[])}
                style={{ display: 'flex', flexDirection: 'column' }}
              >
                {def.materials.map((m) => (
                  <Checkbox key={m.name} value={m.name}>
                    {m.name}
                    {m.required ? '' : t('bundles.common.optional')} —{' '}
                    {t('bundles.common.usedFor', { items: m.itemNames.join('、') })}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </>
          )}
          {error && <Alert type="error" message={error} style={{ marginTop: 12 }} />}
          <Button type="primary" style={{ marginTop: 16 }} disabled={!def || !applicantId} onClick={submit}>
            {t('bundles.intake.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
