import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Radio, Result, Space, Table, Tag, Typography, Upload } from 'antd';
import { SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import type { CatalogMaterial, CatalogPublicHit, OnlineMaterialCheck } from '@tongban/contracts';
import { PublicShell, usePublicGuide } from '../../catalog';
import { rememberDraft } from '../../portal';
import {
  checkDraftMaterials,
  createDraft,
  getDraft,
  saveDraft,
  submitOnline,
  uploadDraftMaterial,
  type Draft,
  type SubmitReply,
} from '../api';
import { idNumberRule } from '../components/applicant-form';
import { ItemPicker } from '../components/item-picker';
import { tr } from '../../../app/i18n';
import { Fields, draftData } from './apply-model';
import { applicantOf, errorText, missingOf, licenseTag } from './apply-checks';
/**
 * 网上申报 (no sign-in): choose an item, fill in the applicant, upload materials (PDF/PNG/JPEG ≤ 10 MB),
 * save a draft and come back with its code, submit (one Idempotency-Key per form).
 */
export function ApplyPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Fields>();
  const [hit, setHit] = useState<CatalogPublicHit>();
  // A guide's 在线办理 opens this page with ?item=<itemId>.
  const [itemId, setItemId] = useState<string | undefined>(() => params.get('item') ?? undefined);
  const [token, setToken] = useState<string | undefined>(params.get('draft') ?? undefined);
  const [draft, setDraft] = useState<Draft>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<SubmitReply>();
  const [key] = useState(() => crypto.randomUUID());
  const [resumeCode, setResumeCode] = useState('');
  const guide = usePublicGuide(itemId ?? '', 'zh');
  const kind = Form.useWatch('kind', form) ?? 'person';
  const watchedName = Form.useWatch('name', form) ?? '';
  const watchedId = Form.useWatch('idNumber', form) ?? '';
  const [check, setCheck] = useState<OnlineMaterialCheck>();

  // Issue 14, point 2: what is still missing, asked of the server for the identity typed, before
  // the citizen presses 提交. 免提交 shows as satisfied only when the server confirms it.
  const filesKey = draft?.files.map((f) => f.materialName).join('|') ?? '';
  useEffect(() => {
    setCheck(undefined);
    const id = String(watchedId).trim().toUpperCase();
    if (!token || draft?.submittedCaseNo || !String(watchedName).trim() || id.length !== 18) return;
    const applicant = applicantOf({ ...form.getFieldsValue(), kind, name: watchedName, idNumber: id });
    let live = true;
    const timer = setTimeout(() => {
      checkDraftMaterials(token, applicant)
        .then((c) => live && setCheck(c))
        .catch(() => undefined);
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [token, filesKey, watchedName, watchedId, kind, form, draft?.submittedCaseNo]);

  // Coming back with a draft code: the item, the fields and the uploaded files return.
  useEffect(() => {
    if (!token || draft) return;
    getDraft(token)
      .then((d) => {
        setDraft(d);
        setItemId(d.itemId);
        form.setFieldsValue(d.data as Partial<Fields>);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [token, draft, form]);

  const save = async (): Promise<string> => {
    if (!itemId) throw new Error(tr('cases.applyPage.pleaseChooseTheItem'));
    const data = draftData(form.getFieldsValue());
    if (token) {
      setDraft(await saveDraft(token, itemId, data));
      return token;
    }
    const created = await createDraft(itemId, data);
    setToken(created.token);
    rememberDraft(created.token);
    setDraft(created.draft);
    setParams({ draft: created.token }, { replace: true });
    return created.token;
  };

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const upload = (m: CatalogMaterial, file: File) =>
    run(async () => {
      const t = await save();
      setDraft(await uploadDraftMaterial(t, m.name, file));
    });

  const submit = () =>
    run(async () => {
      const v = await form.validateFields();
      const t = await save();
      const applicant = applicantOf(v);
      setSubmitted(await submitOnline({ draftToken: t, applicant, agent: null }, key));
    });

  if (submitted)
    return (
      <PublicShell title={tr('cases.applyPage.applyOnline')}>
        <Card>
          <Result
            status="success"
            title={tr('cases.applyPage.submittedWaitingForThe')}
            subTitle={
              <span>
                {tr('cases.applyPage.caseNo')}{' '}
                <Typography.Text strong copyable data-testid="apply-case-no">
                  {submitted.caseNo}
                </Typography.Text>
                ，{submitted.itemName}，{submitted.statusLabel}
                <br />
                {tr('cases.applyPage.queryCode')}{' '}
                <Typography.Text strong copyable code data-testid="apply-query-code">
                  {submitted.queryCode}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">{tr('cases.applyPage.noteTheCaseNumber')}</Typography.Text>
              </span>
            }
            extra={
              <Link to={`/track?caseNo=${encodeURIComponent(submitted.caseNo)}`}>
                <Button type="primary">{tr('cases.applyPage.trackProgress')}</Button>
              </Link>
            }
          />
        </Card>
      </PublicShell>
    );

  // Issue 14, point 4: a draft already submitted reopens read-only, pointing at its case.
  if (draft?.submittedCaseNo)
    return (
      <PublicShell title={tr('cases.applyPage.applyOnline')}>
        <Card data-testid="apply-draft-submitted">
          <Result
            status="info"
            title={tr('cases.applyPage.thisDraftWasSubmitted')}
            subTitle={
              <span>
                {tr('cases.applyPage.caseNo')}{' '}
                <Typography.Text strong copyable data-testid="apply-draft-case-no">
                  {draft.submittedCaseNo}
                </Typography.Text>
                {tr('cases.applyPage.trackItWithThe')}
              </span>
            }
            extra={
              <Link to={`/track?caseNo=${encodeURIComponent(draft.submittedCaseNo)}`}>
                <Button type="primary" data-testid="apply-draft-track">
                  {tr('cases.applyPage.trackProgress')}
                </Button>
              </Link>
            }
          />
        </Card>
      </PublicShell>
    );

  const materials = guide.data?.item.materials ?? [];
  const fileOf = (name: string) => draft?.files.filter((f) => f.materialName === name) ?? [];
  // Required materials without a file: known here; those an e-license may cover, from the server.
  const missing = missingOf(materials, draft, check);

  return (
    <PublicShell title={tr('cases.applyPage.applyOnline')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="apply-page">
        <Card title={tr('cases.applyPage.n1ChooseTheItem')}>
          {itemId && guide.data ? (
            <Space>
              <Typography.Text strong data-testid="apply-item">
                {guide.data.item.name}
              </Typography.Text>
              <Typography.Text type="secondary">{guide.data.item.departmentName}</Typography.Text>
              {!token && (
                <Button size="small" onClick={() => (setItemId(undefined), setHit(undefined))}>
                  {tr('cases.applyPage.change')}
                </Button>
              )}
              <Link to={`/guide/${itemId}`} target="_blank">
                {tr('cases.applyPage.serviceGuide')}
              </Link>
            </Space>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <ItemPicker
                value={hit}
                onChange={(h) => (setHit(h), setItemId(h?.itemId))}
                testId="apply-item-picker"
              />
              <Space.Compact>
                <Input
                  placeholder={tr('cases.applyPage.haveADraftEnter')}
                  value={resumeCode}
                  onChange={(e) => setResumeCode(e.target.value.trim())}
                  style={{ width: 360 }}
                  data-testid="apply-resume-code"
                />
                <Button
                  onClick={() => (
                    setDraft(undefined),
                    setToken(resumeCode),
                    setParams({ draft: resumeCode })
                  )}
                >
                  {tr('cases.applyPage.continue')}
                </Button>
              </Space.Compact>
            </Space>
          )}
        </Card>
        {itemId && (
          <>
            <Card title={tr('cases.applyPage.n2Applicant')}>
              <Form
                form={form}
                layout="vertical"
                initialValues={{ kind: 'person' }}
                style={{ maxWidth: 560 }}
              >
                <Form.Item name="kind" label={tr('cases.applyPage.applicantType')}>
                  <Radio.Group>
                    <Radio.Button value="person">{tr('cases.applyPage.naturalPerson')}</Radio.Button>
                    <Radio.Button value="enterprise">{tr('cases.applyPage.legalPerson')}</Radio.Button>
                  </Radio.Group>
                </Form.Item>
                <Form.Item
                  name="name"
                  label={
                    kind === 'person' ? tr('cases.applyPage.name') : tr('cases.applyPage.organisationName')
                  }
                  rules={[{ required: true, whitespace: true, message: tr('cases.applyPage.pleaseEnter') }]}
                >
                  <Input data-testid="apply-name" />
                </Form.Item>
                <Form.Item
                  name="idNumber"
                  label={
                    kind === 'person'
                      ? tr('cases.applyPage.citizenIdNumber')
                      : tr('cases.applyPage.unifiedSocialCreditCode')
                  }
                  rules={[idNumberRule(kind)]}
                  extra={tr('cases.applyPage.storedEncryptedWithThe')}
                >
                  <Input maxLength={18} data-testid="apply-id-number" />
                </Form.Item>
                {kind === 'enterprise' && (
                  <>
                    <Form.Item
                      name="legalRepresentative"
                      label={tr('cases.applyPage.legalRepresentative')}
                      rules={[
                        { required: true, whitespace: true, message: tr('cases.applyPage.pleaseEnter') },
                      ]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name="contactName"
                      label={tr('cases.applyPage.contactPerson')}
                      rules={[
                        { required: true, whitespace: true, message: tr('cases.applyPage.pleaseEnter') },
                      ]}
                    >
                      <Input />
                    </Form.Item>
                  </>
                )}
                <Form.Item
                  name="phone"
                  label={tr('cases.applyPage.mobileNumberForTracking')}
                  rules={[
                    {
                      required: true,
                      pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/,
                      message: tr('cases.applyPage.thePhoneNumberIs'),
                    },
                  ]}
                >
                  <Input data-testid="apply-phone" />
                </Form.Item>
              </Form>
            </Card>
            <Card title={tr('cases.applyPage.n3UploadMaterialsPdf')}>
              <Table<CatalogMaterial>
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={materials}
                data-testid="apply-materials"
                columns={[
                  {
                    title: tr('cases.applyPage.material'),
                    key: 'name',
                    render: (_, m) => (
                      <Space wrap>
                        {m.name}
                        {m.requirement === 'conditional' && <Tag>{tr('cases.applyPage.ifApplicable')}</Tag>}
                        {m.deferrable && <Tag color="gold">{tr('cases.applyPage.mayBeDeferred')}</Tag>}
                        {m.licenseTypeCode && licenseTag(m, fileOf(m.name).length > 0, check)}
                      </Space>
                    ),
                  },
                  {
                    title: tr('cases.applyPage.uploaded'),
                    key: 'files',
                    width: 240,
                    render: (_, m) =>
                      fileOf(m.name).map((f) => (
                        <div key={f.sha256} data-testid="apply-file">
                          {f.name}（{Math.ceil(f.size / 1024)} KB）
                        </div>
                      )),
                  },
                  {
                    title: tr('cases.applyPage.upload'),
                    key: 'upload',
                    width: 120,
                    render: (_, m) => (
                      <Upload
                        accept=".pdf,.png,.jpg,.jpeg"
                        showUploadList={false}
                        beforeUpload={(file) => {
                          void upload(m, file);
                          return false;
                        }}
                      >
                        <Button size="small" icon={<UploadOutlined />} data-testid={`apply-upload-${m.name}`}>
                          {tr('cases.applyPage.chooseFile')}
                        </Button>
                      </Upload>
                    ),
                  },
                ]}
              />
            </Card>
            {missing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="apply-missing"
                title={tr('cases.applyPage.theseRequiredMaterialsAre')}
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {missing.map((m) => (
                      <li key={m.name}>
                        {m.name}：{m.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {error && <Alert type="error" showIcon title={error} data-testid="apply-error" />}
            {token && (
              <Alert
                type="info"
                showIcon
                data-testid="apply-draft"
                title={
                  <span>
                    {tr('cases.applyPage.draftSavedDraftCode')}
                    <Typography.Text copyable code data-testid="apply-draft-code">
                      {token}
                    </Typography.Text>
                  </span>
                }
                description={tr('cases.applyPage.keepTheDraftCode')}
              />
            )}
            <Space>
              <Button
                icon={<SaveOutlined />}
                loading={busy}
                onClick={() => void run(save)}
                data-testid="apply-save"
              >
                {tr('cases.applyPage.saveDraft')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy}
                onClick={() => void submit()}
                data-testid="apply-submit"
              >
                {tr('cases.applyPage.submitApplication')}
              </Button>
            </Space>
          </>
        )}
      </Space>
    </PublicShell>
  );
}
