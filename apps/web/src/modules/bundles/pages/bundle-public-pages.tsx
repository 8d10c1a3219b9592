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
          title={`已提交：${done.name}`}
          subTitle={
            <span>
              一件事编号 <b data-testid="bundle-no">{done.bundleNo}</b>，查询码{' '}
              <b data-testid="query-code">{done.queryCode}</b>（请妥善保存）
            </span>
          }
          extra={<Link to={`/yjs/track?bundleNo=${done.bundleNo}`}>查询进度</Link>}
        />
        <List
          header="各事项办件"
          dataSource={done.branches}
          renderItem={(b) => (
            <List.Item>
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
        <Form.Item label="选择一件事">
          <Select
            data-testid="bundle-definition"
            value={defId}
            onChange={setDefId}
            options={(defs.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        {def && (
          <>
            <Alert
              type="info"
              message={`${def.description}`}
              description={<Link to={`/yjs/guide/${def.id}`}>查看办事指南（一次告知）</Link>}
            />
            <Typography.Title level={5}>申请人</Typography.Title>
            <Form.Item label="姓名">
              <Input
                data-testid="applicant-name"
                value={who.name}
                onChange={(e) => setWho({ ...who, name: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="公民身份号码">
              <Input
                data-testid="applicant-id"
                value={who.idNumber}
                onChange={(e) => setWho({ ...who, idNumber: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="手机号码">
              <Input
                data-testid="applicant-phone"
                value={who.phone}
                onChange={(e) => setWho({ ...who, phone: e.target.value })}
              />
            </Form.Item>
            <Typography.Title level={5}>一表申请（共用信息只填一次）</Typography.Title>
            {def.formFields.map((f) => (
              <Form.Item key={f.key} label={`${f.label}${f.shared ? '（各事项共用）' : ''}`}>
                <Input
                  data-testid={`field-${f.key}`}
                  value={values[f.key] ?? ''}
                  onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                />
              </Form.Item>
            ))}
            <Typography.Title level={5}>一套材料（同一材料只交一次，各事项共用）</Typography.Title>
            <Checkbox.Group
              value={provided}
              onChange={(v) => setProvided(v as string[])}
              style={{ display: 'flex', flexDirection: 'column' }}
            >
              {def.materials.map((m) => (
                <Checkbox key={m.name} value={m.name}>
                  {m.name}
                  {m.itemIds.length > 1 ? `（${m.itemIds.length} 个事项共用）` : ''}
                </Checkbox>
              ))}
            </Checkbox.Group>
            <Button style={{ marginTop: 8 }} onClick={() => setProvided(def.materials.map((m) => m.name))}>
              全部已备齐
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
          提交申请
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
            placeholder="一件事编号"
            value={bundleNo}
            onChange={(e) => setBundleNo(e.target.value)}
            data-testid="track-no"
            style={{ width: 260 }}
          />
          <Input
            placeholder="查询码"
            value={queryCode}
            onChange={(e) => setQueryCode(e.target.value)}
            data-testid="track-code"
          />
          <Button
            type="primary"
            onClick={() => run(trackBundle({ bundleNo, queryCode }))}
            data-testid="track-search"
          >
            查询
          </Button>
        </Space>
        {error && <Alert type="error" message={error} />}
        {r && !b && <Alert type="warning" message="未找到：请核对一件事编号和查询码" />}
        {b && (
          <>
            <Descriptions bordered size="small" column={2}>
              <Descriptions.Item label="一件事">{b.name}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag data-testid="track-status">{b.statusLabel}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="预计办结">{b.expectedFinish}</Descriptions.Item>
              <Descriptions.Item label="法定期限">{b.legalDeadline}</Descriptions.Item>
            </Descriptions>
            {b.mayChoose && (
              <Alert
                type="warning"
                message="有事项未获通过，请选择"
                action={
                  <Space>
                    <Button
                      onClick={() => run(chooseBundleOnline({ bundleNo, queryCode, choice: 'continue' }))}
                    >
                      继续办理其余事项
                    </Button>
                    <Button
                      danger
                      onClick={() => run(chooseBundleOnline({ bundleNo, queryCode, choice: 'withdraw' }))}
                    >
                      撤回申请
                    </Button>
                  </Space>
                }
              />
            )}
            <Table
              rowKey="caseNo"
              pagination={false}
              dataSource={b.branches}
              columns={[
                { title: '事项', dataIndex: 'itemName' },
                { title: '部门', dataIndex: 'departmentName' },
                { title: '状态', dataIndex: 'statusLabel' },
                {
                  title: '预计办结',
                  dataIndex: 'expectedFinish',
                  render: (v, x) => (x.onCriticalPath ? <Tag color="red">{v}</Tag> : v),
                },
                {
                  title: '需补正',
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
                          提交补正材料
                        </Button>
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
            {b.licenseVerifyToken && <Link to={`/yjs/verify/${b.licenseVerifyToken}`}>一业一证核验</Link>}
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
          <Button onClick={() => window.print()}>打印</Button>
          <Button href={guideDocxUrl(id)}>下载 Word</Button>
        </Space>
      }
    >
      {d && g.data && (
        <div className="print-a4">
          <Typography.Title level={2} style={{ textAlign: 'center' }}>
            “{d.name}”一件事办事指南
          </Typography.Title>
          <Typography.Paragraph>{d.description}</Typography.Paragraph>
          <Typography.Paragraph>
            法定时限 {g.data.legalLimitDays} 个工作日（可延长一次，不超过 15 个工作日）；并联办理，预计{' '}
            {d.expectedDays} 个工作日内办结。
            {d.licenseTypeName ? `办结后核发${d.licenseTypeName}（一业一证）。` : ''}
          </Typography.Paragraph>
          <Typography.Title level={4}>一表申请</Typography.Title>
          <ul>
            {d.formFields.map((f) => (
              <li key={f.key}>
                {f.label}
                {f.shared ? '（各事项共用）' : ''}
              </li>
            ))}
          </ul>
          <Typography.Title level={4}>一套材料</Typography.Title>
          <ol>
            {d.materials.map((m) => (
              <li key={m.name}>
                {m.name}（{m.required ? '必要' : '非必要'}；用于：{m.itemNames.join('、')}）
              </li>
            ))}
          </ol>
          <Typography.Title level={4}>各事项</Typography.Title>
          {g.data.items.map((i) => (
            <Card
              key={i.itemId}
              size="small"
              title={`${i.itemName}（${i.departmentName}）`}
              style={{ marginBottom: 8 }}
            >
              <p>受理条件：{i.conditions}</p>
              <p>办理流程：{i.process}</p>
              <p>咨询电话：{i.consultPhone}</p>
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
      {q.data && !l && <Alert type="warning" message="未找到该证照" />}
      {l && (
        <Descriptions bordered column={1} size="small">
          <Descriptions.Item label="核验结果">
            <Tag color="green" data-testid="verify-found">
              有效证照
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="证照名称">{l.typeName}</Descriptions.Item>
          <Descriptions.Item label="证照标识">{l.id}</Descriptions.Item>
          <Descriptions.Item label="持证者">
            {l.holderName}（{l.holderIdMasked}）
          </Descriptions.Item>
          <Descriptions.Item label="所含许可">
            {l.members.map((m) => m.itemName).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="发证日期">{l.validFrom}</Descriptions.Item>
        </Descriptions>
      )}
    </PublicShell>
  );
}
