import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  List,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { BundleOnlineResult, BundleTrackResult } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { PublicShell } from '../../catalog';
import {
  applyBundleOnline,
  chooseBundleOnline,
  guideDocxUrl,
  trackBundle,
  uploadBundleSupplement,
  useBundleGuide,
  usePublicBundleDefinitions,
  verifyBundleLicense,
} from '../api';
import { useQuery } from '@tanstack/react-query';

/** 网上申办一件事 (no sign-in): one form, one set of materials (SEC-1: the contact is this application's). */
export function BundleApplyPage() {
  const { t } = useTranslation();
  const defs = usePublicBundleDefinitions();
  const [defId, setDefId] = useState<string>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [provided, setProvided] = useState<string[]>([]);
  const [who, setWho] = useState({ name: '', idNumber: '', phone: '' });
  const [done, setDone] = useState<BundleOnlineResult>();
  const [error, setError] = useState<string>();
  const def = defs.data?.items.find((d) => d.id === defId);
  if (done)
    return (
      <PublicShell title={t('bundles.title.apply')}>
        <Result
          status="success"
          title={t('bundles.apply.submitted', { name: done.name })}
          subTitle={
            <Space direction="vertical">
              <span>
                {t('bundles.apply.noLabel')}：<b data-testid="bundle-no">{done.bundleNo}</b>
              </span>
              <span>
                {t('bundles.apply.codeLabel')}：<b data-testid="query-code">{done.queryCode}</b>
              </span>
            </Space>
          }
          extra={<Link to={`/yjs/track?bundleNo=${done.bundleNo}`}>{t('bundles.apply.track')}</Link>}
        />
        <List
          header={t('bundles.apply.branches')}
          dataSource={done.branches}
          renderItem={(b) => (
            <List.Item data-testid="bundle-branch">
              {b.itemName} · {b.caseNo}
            </List.Item>
          )}
        />
      </PublicShell>
    );
  const submit = async () => {
    if (!def) return;
    setError(undefined);
    try {
      setDone(
        await applyBundleOnline({
          definitionId: def.id,
          applicant: { kind: 'person', ...who },
          formValues: Object.fromEntries(Object.entries(values).filter(([, v]) => v)),
          materials: provided,
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <PublicShell title={t('bundles.title.apply')}>
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item label={t('bundles.apply.choose')}>
          <Select
            data-testid="bundle-definition"
            value={defId}
            onChange={setDefId}
            placeholder={t('bundles.apply.choosePlaceholder')}
            options={(defs.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        {!def && (
          <List
            grid={{ gutter: 12, column: 2 }}
            loading={defs.isLoading}
            dataSource={defs.data?.items ?? []}
            renderItem={(d) => (
              <List.Item>
                <Card
                  size="small"
                  title={d.name}
                  extra={<Link to={`/yjs/guide/${d.id}`}>{t('bundles.common.guide')}</Link>}
                  actions={[
                    <a key="apply" onClick={() => setDefId(d.id)}>
                      {t('bundles.apply.start')}
                    </a>,
                  ]}
                >
                  <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginBottom: 4 }}>
                    {d.description}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t(d.expectedDays === 0 ? 'bundles.apply.summaryOnTheSpot' : 'bundles.apply.summary', {
                      items: d.items.length,
                      departments: new Set(d.items.map((i) => i.departmentId)).size,
                      materials: d.materials.length,
                      days: d.expectedDays,
                    })}
                  </Typography.Text>
                </Card>
              </List.Item>
            )}
          />
        )}
        {def && (
          <>
            <Alert
              type="info"
              message={`${def.description}`}
              description={<Link to={`/yjs/guide/${def.id}`}>{t('bundles.apply.guideLink')}</Link>}
            />
            <Typography.Title level={5}>{t('bundles.apply.applicant')}</Typography.Title>
            <Form.Item label={t('bundles.apply.name')}>
              <Input
                data-testid="applicant-name"
                value={who.name}
                onChange={(e) => setWho({ ...who, name: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t('bundles.apply.idNumber')}>
              <Input
                data-testid="applicant-id"
                value={who.idNumber}
                onChange={(e) => setWho({ ...who, idNumber: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t('bundles.apply.phone')}>
              <Input
                data-testid="applicant-phone"
                value={who.phone}
                onChange={(e) => setWho({ ...who, phone: e.target.value })}
              />
            </Form.Item>
            <Typography.Title level={5}>{t('bundles.apply.form')}</Typography.Title>
            {def.formFields.map((f) => (
              <Form.Item key={f.key} label={`${f.label}${f.shared ? t('bundles.common.shared') : ''}`}>
                <Input
                  data-testid={`field-${f.key}`}
                  value={values[f.key] ?? ''}
                  onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                />
              </Form.Item>
            ))}
            <Typography.Title level={5}>{t('bundles.apply.materials')}</Typography.Title>
            <Checkbox.Group
              value={provided}
              onChange={(v) => setProvided(v as string[])}
              style={{ display: 'flex', flexDirection: 'column' }}
              data-testid="bundle-materials"
            >
              {def.materials.map((m) => (
                <Checkbox key={m.name} value={m.name}>
                  {m.name}
                  {m.required ? '' : t('bundles.common.optional')}
                  {m.itemIds.length > 1 ? t('bundles.common.sharedBy', { n: m.itemIds.length }) : ''}
                </Checkbox>
              ))}
            </Checkbox.Group>
            <Button
              style={{ marginTop: 8 }}
              data-testid="materials-all"
              onClick={() => setProvided(def.materials.map((m) => m.name))}
            >
              {t('bundles.apply.allReady')}
            </Button>
          </>
        )}
        {error && <Alert type="error" message={error} style={{ marginTop: 12 }} />}
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          disabled={!def}
          onClick={submit}
          data-testid="bundle-submit"
        >
          {t('bundles.apply.submit')}
        </Button>
      </Form>
    </PublicShell>
  );
}

/** 一件事查询 (no sign-in, SEC-2): progress per branch, a paused branch's supplement, the choice. */
export function BundleTrackPage() {
  const { t } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  const [bundleNo, setBundleNo] = useState(params.get('bundleNo') ?? '');
  const [queryCode, setQueryCode] = useState('');
  const [r, setR] = useState<BundleTrackResult>();
  const [error, setError] = useState<string>();
  const run = async (p: Promise<BundleTrackResult | { ok: boolean }>) => {
    setError(undefined);
    try {
      const v = await p;
      setR('found' in v ? v : await trackBundle({ bundleNo, queryCode }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const b = r?.bundle;
  return (
    <PublicShell title={t('bundles.title.track')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Input
            placeholder={t('bundles.track.no')}
            value={bundleNo}
            onChange={(e) => setBundleNo(e.target.value)}
            data-testid="track-no"
            style={{ width: 260 }}
          />
          <Input
            placeholder={t('bundles.track.code')}
            value={queryCode}
            onChange={(e) => setQueryCode(e.target.value)}
            data-testid="track-code"
          />
          <Button
            type="primary"
            onClick={() => run(trackBundle({ bundleNo, queryCode }))}
            data-testid="track-search"
          >
            {t('bundles.track.search')}
          </Button>
        </Space>
        {error && <Alert type="error" message={error} />}
        {r && !b && <Alert type="warning" message={t('bundles.track.notFound')} />}
        {b && (
          <>
            <Descriptions bordered size="small" column={2}>
              <Descriptions.Item label={t('bundles.track.name')}>{b.name}</Descriptions.Item>
              <Descriptions.Item label={t('bundles.common.status')}>
                <Tag data-testid="track-status">{t(`bundles.status.${b.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('bundles.common.expectedFinish')}>
                {b.expectedFinish}
              </Descriptions.Item>
              <Descriptions.Item label={t('bundles.common.legalDeadline')}>
                {b.legalDeadline}
              </Descriptions.Item>
            </Descriptions>
            {b.mayChoose && (
              <Alert
                type="warning"
                message={t('bundles.track.mustChoose')}
                data-testid="track-choose"
                action={
                  <Space>
                    <Button
                      data-testid="choose-continue"
                      onClick={() => run(chooseBundleOnline({ bundleNo, queryCode, choice: 'continue' }))}
                    >
                      {t('bundles.detail.continue')}
                    </Button>
                    <Button
                      danger
                      data-testid="choose-withdraw"
                      onClick={() => run(chooseBundleOnline({ bundleNo, queryCode, choice: 'withdraw' }))}
                    >
                      {t('bundles.detail.withdraw')}
                    </Button>
                  </Space>
                }
              />
            )}
            <Table
              rowKey="caseNo"
              pagination={false}
              dataSource={b.branches}
              data-testid="track-branches"
              columns={[
                { title: t('bundles.common.item'), dataIndex: 'itemName' },
                { title: t('bundles.common.department'), dataIndex: 'departmentName' },
                {
                  title: t('bundles.common.status'),
                  dataIndex: 'status',
                  render: (v: string) => t(`bundles.branchStatus.${v}`),
                },
                {
                  title: t('bundles.common.expectedFinish'),
                  dataIndex: 'expectedFinish',
                  render: (v, x) => (x.onCriticalPath ? <Tag color="red">{v}</Tag> : v),
                },
                {
                  title: t('bundles.track.supplement'),
                  render: (_, x) =>
                    x.missing.length ? (
                      <Space direction="vertical">
                        <span>{x.missing.join('、')}</span>
                        <Button
                          size="small"
                          data-testid={`supplement-${x.caseNo}`}
                          onClick={() =>
                            run(
                              uploadBundleSupplement({
                                bundleNo,
                                queryCode,
                                caseNo: x.caseNo,
                                materials: x.missing,
                              }),
                            )
                          }
                        >
                          {t('bundles.track.upload')}
                        </Button>
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
            {b.licenseVerifyToken && (
              <Link to={`/yjs/verify/${b.licenseVerifyToken}`}>{t('bundles.track.verifyLink')}</Link>
            )}
          </>
        )}
      </Space>
    </PublicShell>
  );
}

/** 一件事办事指南 (web and print view; .docx from the same record). */
export function BundleGuidePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const g = useBundleGuide(id);
  const d = g.data?.definition;
  return (
    <PublicShell
      title={t('bundles.title.guide')}
      extra={
        <Space className="no-print">
          <Button onClick={() => window.print()} data-testid="guide-print">
            {t('bundles.guide.print')}
          </Button>
          <Button href={guideDocxUrl(id)} data-testid="guide-docx">
            {t('bundles.guide.docx')}
          </Button>
        </Space>
      }
    >
      {d && g.data && (
        <div className="print-a4">
          <Typography.Title level={2} style={{ textAlign: 'center' }}>
            {t('bundles.guide.heading', { name: d.name })}
          </Typography.Title>
          <Typography.Paragraph>{d.description}</Typography.Paragraph>
          <Typography.Paragraph>
            {t('bundles.guide.limits', { legal: g.data.legalLimitDays, expected: d.expectedDays })}
            {d.licenseTypeName ? t('bundles.guide.license', { name: d.licenseTypeName }) : ''}
          </Typography.Paragraph>
          <Typography.Title level={4}>{t('bundles.guide.form')}</Typography.Title>
          <ul>
            {d.formFields.map((f) => (
              <li key={f.key}>
                {f.label}
                {f.shared ? t('bundles.common.shared') : ''}
              </li>
            ))}
          </ul>
          <Typography.Title level={4}>{t('bundles.guide.materials')}</Typography.Title>
          <ol>
            {d.materials.map((m) => (
              <li key={m.name}>
                {m.name}（{m.required ? t('bundles.common.required') : t('bundles.common.notRequired')}；
                {t('bundles.common.usedFor', { items: m.itemNames.join('、') })}）
              </li>
            ))}
          </ol>
          <Typography.Title level={4}>{t('bundles.guide.items')}</Typography.Title>
          {g.data.items.map((i) => (
            <Card
              key={i.itemId}
              size="small"
              title={`${i.itemName}（${i.departmentName}）`}
              style={{ marginBottom: 8 }}
            >
              <p>{t('bundles.guide.conditions', { v: i.conditions })}</p>
              <p>{t('bundles.guide.process', { v: i.process })}</p>
              <p>{t('bundles.guide.phone', { v: i.consultPhone })}</p>
            </Card>
          ))}
        </div>
      )}
    </PublicShell>
  );
}

/** 一业一证核验 (no sign-in; SEC-2: by token only). */
export function BundleVerifyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const q = useQuery({ queryKey: ['bundles', 'verify', token], queryFn: () => verifyBundleLicense(token) });
  const l = q.data?.license;
  return (
    <PublicShell title={t('bundles.title.verify')}>
      {q.data && !l && <Alert type="warning" message={t('bundles.verify.notFound')} />}
      {l && (
        <Descriptions bordered column={1} size="small">
          <Descriptions.Item label={t('bundles.verify.result')}>
            <Tag color="green" data-testid="verify-found">
              {t('bundles.verify.valid')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('bundles.verify.name')}>{l.typeName}</Descriptions.Item>
          <Descriptions.Item label={t('bundles.verify.id')}>{l.id}</Descriptions.Item>
          <Descriptions.Item label={t('bundles.verify.holder')}>
            {l.holderName}（{l.holderIdMasked}）
          </Descriptions.Item>
          <Descriptions.Item label={t('bundles.verify.members')}>
            {l.members.map((m) => m.itemName).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('bundles.verify.issued')}>{l.validFrom}</Descriptions.Item>
        </Descriptions>
      )}
    </PublicShell>
  );
}
