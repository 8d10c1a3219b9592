import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Radio, Result, Space, Table, Tag, Typography, Upload } from 'antd';
import { SaveOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import type {
  ApplicantInput,
  CatalogMaterial,
  CatalogPublicHit,
  OnlineMaterialCheck,
} from '@tongban/contracts';
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

type Fields = {
  kind: 'person' | 'enterprise';
  name: string;
  idNumber: string;
  phone: string;
  legalRepresentative?: string;
  contactName?: string;
};

/**
 * The form fields kept in the draft. The identity number too (issue 14, point 4): the server keeps it
 * SM4-encrypted and gives it back only to the holder of the draft code.
 */
const draftData = (v: Partial<Fields>): Draft['data'] => ({
  kind: v.kind ?? 'person',
  name: v.name ?? '',
  idNumber: (v.idNumber ?? '').trim().toUpperCase(),
  phone: v.phone ?? '',
  legalRepresentative: v.legalRepresentative ?? '',
  contactName: v.contactName ?? '',
});

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
    if (!itemId) throw new Error('请先选择事项');
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
      <PublicShell title="网上申报">
        <Card>
          <Result
            status="success"
            title="已提交，等待窗口审核受理"
            subTitle={
              <span>
                办件编号{' '}
                <Typography.Text strong copyable data-testid="apply-case-no">
                  {submitted.caseNo}
                </Typography.Text>
                ，{submitted.itemName}，{submitted.statusLabel}
                <br />
                查询码{' '}
                <Typography.Text strong copyable code data-testid="apply-query-code">
                  {submitted.queryCode}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  请记下办件编号和查询码：凭这两项可随时在网上查询办理进度、下载通知书，查询码也印在受理通知书上。
                </Typography.Text>
              </span>
            }
            extra={
              <Link to={`/track?caseNo=${encodeURIComponent(submitted.caseNo)}`}>
                <Button type="primary">查询办理进度</Button>
              </Link>
            }
          />
        </Card>
      </PublicShell>
    );

  // Issue 14, point 4: a draft already submitted reopens read-only, pointing at its case.
  if (draft?.submittedCaseNo)
    return (
      <PublicShell title="网上申报">
        <Card data-testid="apply-draft-submitted">
          <Result
            status="info"
            title="该草稿已提交，不能再修改"
            subTitle={
              <span>
                办件编号{' '}
                <Typography.Text strong copyable data-testid="apply-draft-case-no">
                  {draft.submittedCaseNo}
                </Typography.Text>
                。凭办件编号和查询码可查询办理进度。
              </span>
            }
            extra={
              <Link to={`/track?caseNo=${encodeURIComponent(draft.submittedCaseNo)}`}>
                <Button type="primary" data-testid="apply-draft-track">
                  查询办理进度
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
    <PublicShell title="网上申报">
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="apply-page">
        <Card title="1. 选择事项">
          {itemId && guide.data ? (
            <Space>
              <Typography.Text strong data-testid="apply-item">
                {guide.data.item.name}
              </Typography.Text>
              <Typography.Text type="secondary">{guide.data.item.departmentName}</Typography.Text>
              {!token && (
                <Button size="small" onClick={() => (setItemId(undefined), setHit(undefined))}>
                  更换
                </Button>
              )}
              <Link to={`/guide/${itemId}`} target="_blank">
                办事指南
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
                  placeholder="已有草稿？输入草稿码继续填写"
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
                  继续填写
                </Button>
              </Space.Compact>
            </Space>
          )}
        </Card>
        {itemId && (
          <>
            <Card title="2. 申请人信息">
              <Form
                form={form}
                layout="vertical"
                initialValues={{ kind: 'person' }}
                style={{ maxWidth: 560 }}
              >
                <Form.Item name="kind" label="申请人类型">
                  <Radio.Group>
                    <Radio.Button value="person">自然人</Radio.Button>
                    <Radio.Button value="enterprise">法人</Radio.Button>
                  </Radio.Group>
                </Form.Item>
                <Form.Item
                  name="name"
                  label={kind === 'person' ? '姓名' : '单位名称'}
                  rules={[{ required: true, whitespace: true, message: '请填写' }]}
                >
                  <Input data-testid="apply-name" />
                </Form.Item>
                <Form.Item
                  name="idNumber"
                  label={kind === 'person' ? '公民身份号码' : '统一社会信用代码'}
                  rules={[idNumberRule(kind)]}
                  extra="保存草稿时加密保存，只凭草稿码取回"
                >
                  <Input maxLength={18} data-testid="apply-id-number" />
                </Form.Item>
                {kind === 'enterprise' && (
                  <>
                    <Form.Item
                      name="legalRepresentative"
                      label="法定代表人"
                      rules={[{ required: true, whitespace: true, message: '请填写' }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name="contactName"
                      label="联系人"
                      rules={[{ required: true, whitespace: true, message: '请填写' }]}
                    >
                      <Input />
                    </Form.Item>
                  </>
                )}
                <Form.Item
                  name="phone"
                  label="手机号码（查询办件用）"
                  rules={[
                    {
                      required: true,
                      pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/,
                      message: '电话号码格式不正确',
                    },
                  ]}
                >
                  <Input data-testid="apply-phone" />
                </Form.Item>
              </Form>
            </Card>
            <Card title="3. 上传申请材料（PDF、PNG、JPEG，每个不超过 10 MB）">
              <Table<CatalogMaterial>
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={materials}
                data-testid="apply-materials"
                columns={[
                  {
                    title: '材料',
                    key: 'name',
                    render: (_, m) => (
                      <Space wrap>
                        {m.name}
                        {m.requirement === 'conditional' && <Tag>视情形</Tag>}
                        {m.deferrable && <Tag color="gold">可容缺</Tag>}
                        {m.licenseTypeCode && licenseTag(m, fileOf(m.name).length > 0, check)}
                      </Space>
                    ),
                  },
                  {
                    title: '已上传',
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
                    title: '上传',
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
                          选择文件
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
                title="提交前还需提供以下必要材料"
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
                    草稿已保存。草稿码：
                    <Typography.Text copyable code data-testid="apply-draft-code">
                      {token}
                    </Typography.Text>
                  </span>
                }
                description="请妥善保存草稿码（也可收藏本页地址），凭草稿码可回来继续填写；草稿码是取回草稿的唯一凭证。"
              />
            )}
            <Space>
              <Button
                icon={<SaveOutlined />}
                loading={busy}
                onClick={() => void run(save)}
                data-testid="apply-save"
              >
                保存草稿
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={busy}
                onClick={() => void submit()}
                data-testid="apply-submit"
              >
                提交申请
              </Button>
            </Space>
          </>
        )}
      </Space>
    </PublicShell>
  );
}

function applicantOf(v: Fields): ApplicantInput {
  return v.kind === 'enterprise'
    ? {
        kind: 'enterprise',
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        legalRepresentative: (v.legalRepresentative ?? '').trim(),
        contactName: (v.contactName ?? '').trim(),
        phone: (v.phone ?? '').trim(),
      }
    : {
        kind: 'person',
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: (v.phone ?? '').trim(),
      };
}

/** Readable Chinese whatever failed: the form's own validation (an object, not an Error), or the API. */
function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  const fields = (e as { errorFields?: { errors: string[] }[] } | null)?.errorFields;
  if (fields?.length) return `请先填写或更正：${fields.flatMap((f) => f.errors).join('；')}`;
  return '操作未完成，请检查填写的内容后重试';
}

type Gap = { name: string; message: string };

function missingOf(
  materials: CatalogMaterial[],
  draft: Draft | undefined,
  check?: OnlineMaterialCheck,
): Gap[] {
  if (check) return check.missing;
  const uploaded = new Set(draft?.files.map((f) => f.materialName));
  return materials
    .filter((m) => m.requirement === 'required' && !uploaded.has(m.name))
    .map((m) => ({
      name: m.name,
      message: m.licenseTypeCode
        ? '填写申请人证件号码后核对电子证照；未能调取的，请上传'
        : '必要材料，尚未上传',
    }));
}

function licenseTag(m: CatalogMaterial, uploaded: boolean, check?: OnlineMaterialCheck) {
  if (uploaded) return null;
  if (check?.fromLicense.includes(m.name))
    return (
      <Tag color="green" data-testid="apply-from-license">
        免提交：已从电子证照调取
      </Tag>
    );
  if (check) return <Tag color="orange">未能从电子证照调取，请上传</Tag>;
  return <Tag>可凭电子证照免提交（提交前核对）</Tag>;
}
