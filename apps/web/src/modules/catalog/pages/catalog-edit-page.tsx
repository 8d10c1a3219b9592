import { useEffect, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import {
  DEFAULT_STEPS,
  GUIDE_LANG_LABELS,
  GuideLang,
  HANDLING_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  ONLINE_LEVEL_LABELS,
  SPECIAL_PROCEDURE_LABELS,
} from '@tongban/contracts';
import { useCurrentUser } from '../../../app/auth-context';
import { notifySuccess } from '../../../app/notify';
import { useDepartments } from '../../org';
import { useCatalogVersion, useCreateItem, useUpdateDraft } from '../api';
import { optionsOf, versionStatusLabel } from '../components/catalog-format';
import {
  emptyForm,
  stepsBeforeConclude,
  toContent,
  toForm,
  type CatalogFormValues,
} from '../components/catalog-form-model';

const { TextArea } = Input;
const req = (label: string) => ({ required: true, whitespace: true, message: `请填写${label}` });
const sel = (label: string) => ({ required: true, message: `请选择${label}` });

function Block({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** 新建事项 (/catalog/new) or 编辑草稿 (/catalog/versions/:versionId/edit): every 实施清单 element. */
export function CatalogEditPage() {
  const { versionId } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const version = useCatalogVersion(versionId);
  const departments = useDepartments();
  const create = useCreateItem();
  const update = useUpdateDraft();
  const [form] = Form.useForm<CatalogFormValues>();
  const isEdit = !!versionId;

  useEffect(() => {
    if (isEdit && version.data) form.setFieldsValue(toForm(version.data));
    if (!isEdit) form.setFieldsValue(emptyForm(user.departmentId ?? undefined));
  }, [isEdit, version.data, form, user.departmentId]);

  const handling = Form.useWatch('handling', form);
  const steps = Form.useWatch('steps', form) ?? [];
  const special = Form.useWatch('specialProcedures', form) ?? [];
  const exempt = Form.useWatch('exempt', form);
  const instant = handling === 'instant';
  const breaks3plus1 = stepsBeforeConclude(steps) > 3 && special.length === 0;

  useEffect(() => {
    // 即办件: decided on the spot, both limits are 0.
    if (instant) form.setFieldsValue({ legalLimitDays: 0, promisedLimitDays: 0 });
  }, [instant, form]);

  if (isEdit && version.isLoading) return <Spin size="large" style={{ display: 'block', margin: 80 }} />;
  if (isEdit && version.data && version.data.status !== 'draft')
    return (
      <Result
        status="warning"
        title={`该版本${versionStatusLabel(version.data.status)}，不能修改`}
        subTitle="已发布的版本不可更改；请在事项页点击“编辑已发布事项”生成新的草稿版本。"
        extra={<Button onClick={() => void navigate(`/catalog/${version.data.itemId}`)}>返回事项</Button>}
      />
    );

  const onSave = async () => {
    const v = await form.validateFields();
    const content = toContent(v);
    if (isEdit && version.data) {
      const saved = await update.mutateAsync({ versionId: version.data.id, patch: content });
      notifySuccess('草稿已保存');
      void navigate(`/catalog/${saved.itemId}`);
    } else {
      const saved = await create.mutateAsync({ ...content, itemCode: (v.itemCode ?? '').trim() });
      notifySuccess('事项已新建（第 1 版草稿）');
      void navigate(`/catalog/${saved.itemId}`);
    }
  };

  const title = isEdit
    ? `编辑草稿：${version.data?.name ?? ''}（第 ${version.data?.versionNo ?? ''} 版）`
    : '新建事项';

  return (
    <Card
      data-testid="catalog-edit-page"
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Tag color="gold">草稿</Tag>
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => void navigate(-1)}>取消</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void onSave().catch(() => undefined)}
            data-testid="catalog-save"
          >
            保存草稿
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="草稿可以暂缺部分要素；发布时系统会检查要素是否完整，并列出缺少的内容。发布后的版本不可修改。"
      />
      <Form form={form} layout="vertical" data-testid="catalog-form" scrollToFirstError>
        <Block title="基本信息">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="事项名称" rules={[req('事项名称')]}>
                <Input maxLength={200} data-testid="field-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="itemCode"
                label="事项编码"
                tooltip="按 GB/T 39554.1 编制，本区划内唯一；新建后不可修改"
                rules={isEdit ? [] : [req('事项编码')]}
              >
                <Input
                  maxLength={100}
                  disabled={isEdit}
                  placeholder={isEdit ? version.data?.itemCode : '如 350999-SCJG-010'}
                  data-testid="field-item-code"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="itemType" label="事项类型" rules={[sel('事项类型')]}>
                <Select options={optionsOf(ITEM_TYPE_LABELS)} data-testid="field-item-type" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="departmentId" label="实施部门" rules={[sel('实施部门')]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  data-testid="field-department"
                />
              </Form.Item>
            </Col>
          </Row>
        </Block>

        <Block title="办理时限与方式">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="handling" label="办件类型">
                <Radio.Group optionType="button" options={optionsOf(HANDLING_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="legalLimitDays" label="法定办结时限（工作日）">
                <InputNumber min={0} max={3650} disabled={instant} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="promisedLimitDays"
                label="承诺办结时限（工作日）"
                dependencies={['legalLimitDays']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value: number | null | undefined) => {
                      const legal = getFieldValue('legalLimitDays') as number | null | undefined;
                      if (value == null || legal == null || value <= legal) return Promise.resolve();
                      return Promise.reject(new Error('承诺时限不能超过法定时限'));
                    },
                  }),
                ]}
              >
                <InputNumber
                  min={0}
                  max={3650}
                  disabled={instant}
                  style={{ width: '100%' }}
                  data-testid="field-promised"
                />
              </Form.Item>
            </Col>
            {instant && (
              <Col span={24}>
                <Typography.Text type="secondary">即办件当场办结，法定时限和承诺时限均为 0。</Typography.Text>
              </Col>
            )}
            <Col xs={12} md={8}>
              <Form.Item name="maxVisits" label="到现场次数" tooltip="0 = 零跑动，1 = 最多跑一次">
                <InputNumber min={0} max={10} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="onlineLevel" label="网办深度">
                <Select allowClear options={optionsOf(ONLINE_LEVEL_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="exempt" label="列入进驻大厅负面清单" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            {exempt && (
              <Col span={24}>
                <Form.Item name="hallExemption" label="不进驻大厅理由" rules={[req('不进驻大厅理由')]}>
                  <TextArea rows={2} maxLength={500} showCount />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Block>

        <Block title="设定依据">
          <Form.List name="legalBasis">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={24} md={10}>
                      <Form.Item name={[f.name, 'name']} rules={[req('依据名称')]}>
                        <Input placeholder="法律法规名称，如《中华人民共和国食品安全法》" />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={12}>
                      <Form.Item name={[f.name, 'article']}>
                        <Input placeholder="条款，如 第三十五条" />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除" />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', article: '' })}>
                  添加依据
                </Button>
              </>
            )}
          </Form.List>
        </Block>

        <Block title="受理条件">
          <Form.Item name="acceptanceConditions" noStyle>
            <TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
        </Block>

        <Block
          title="特殊环节"
          extra={<Typography.Text type="secondary">听证、检验、现场勘查等，时间另计</Typography.Text>}
        >
          <Form.List name="specialProcedures">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={12} md={5}>
                      <Form.Item name={[f.name, 'kind']} rules={[sel('特殊环节')]}>
                        <Select placeholder="环节" options={optionsOf(SPECIAL_PROCEDURE_LABELS)} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'days']} rules={[{ required: true, message: '请填写天数' }]}>
                        <InputNumber min={0} max={3650} addonAfter="工作日" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'countsInLimit']} valuePropName="checked">
                        <Checkbox>计入法定时限</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={9}>
                      <Form.Item name={[f.name, 'legalBasis']}>
                        <Input placeholder="依据" />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={2}>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除" />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ days: 10, countsInLimit: false })}>
                  添加特殊环节
                </Button>
              </>
            )}
          </Form.List>
        </Block>

        <Block title="收费" extra={<Typography.Text type="secondary">不添加即为不收费</Typography.Text>}>
          <Form.List name="fees">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={12} md={7}>
                      <Form.Item name={[f.name, 'name']} rules={[req('收费项目')]}>
                        <Input placeholder="收费项目" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item
                        name={[f.name, 'amountYuan']}
                        rules={[{ required: true, message: '请填写金额' }]}
                      >
                        <InputNumber min={0.01} precision={2} addonAfter="元" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={11}>
                      <Form.Item name={[f.name, 'basis']} rules={[req('收费依据')]}>
                        <Input placeholder="收费依据" />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除" />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  添加收费项目
                </Button>
              </>
            )}
          </Form.List>
        </Block>

        <Block title="办理地点、时间和电话">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="location" label="办理地点">
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="hours" label="办理时间">
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={12} md={12}>
              <Form.Item name="consultPhone" label="咨询电话">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={12}>
              <Form.Item name="complaintPhone" label="监督投诉电话">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
        </Block>

        <Block
          title="办理环节"
          extra={
            <Button
              size="small"
              icon={<UndoOutlined />}
              onClick={() => form.setFieldsValue({ steps: [...DEFAULT_STEPS] })}
            >
              恢复默认
            </Button>
          }
        >
          <Alert
            type={breaks3plus1 ? 'error' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="steps-hint"
            title={
              breaks3plus1
                ? `办结前有 ${stepsBeforeConclude(steps)} 个环节，超过“3+1”要求的 3 个；未设置特殊环节的事项不得增加环节，保存会被拒绝。`
                : '“3+1”：受理后的环节不超过受理、审查、决定 3 个，再加办结；设置了特殊环节的事项除外。环节以“受理”开始、以“办结”结束。'
            }
          />
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <Flex wrap gap={8} align="center">
                {fields.map((f, i) => (
                  <Space key={f.key} size={4}>
                    {i > 0 && <span style={{ color: '#9ca3af' }}>→</span>}
                    <Form.Item name={f.name} noStyle rules={[req('环节名称')]}>
                      <Input style={{ width: 110 }} maxLength={20} />
                    </Form.Item>
                    {fields.length > 2 && (
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label="删除"
                      />
                    )}
                  </Space>
                ))}
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  // A new step goes before 办结, which stays last.
                  onClick={() => add('', Math.max(fields.length - 1, 0))}
                >
                  添加环节
                </Button>
              </Flex>
            )}
          </Form.List>
        </Block>

        <Block title="申请材料">
          <Form.List name="materials">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    type="inner"
                    style={{ marginBottom: 8 }}
                    title={`材料 ${i + 1}`}
                    extra={
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                      >
                        删除
                      </Button>
                    }
                    data-testid="material-row"
                  >
                    <Row gutter={8}>
                      <Col xs={24} md={10}>
                        <Form.Item name={[f.name, 'name']} label="材料名称" rules={[req('材料名称')]}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={5}>
                        <Form.Item name={[f.name, 'requirement']} label="必要性" rules={[sel('必要性')]}>
                          <Select options={optionsOf(MATERIAL_REQUIREMENT_LABELS)} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={5}>
                        <Form.Item name={[f.name, 'form']} label="材料形式" rules={[sel('材料形式')]}>
                          <Select options={optionsOf(MATERIAL_FORM_LABELS)} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[f.name, 'copies']} label="份数">
                          <InputNumber min={0} max={99} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Form.Item
                        noStyle
                        shouldUpdate={(a: CatalogFormValues, b: CatalogFormValues) =>
                          a.materials?.[f.name]?.requirement !== b.materials?.[f.name]?.requirement
                        }
                      >
                        {({ getFieldValue }) =>
                          getFieldValue(['materials', f.name, 'requirement']) === 'conditional' ? (
                            <Col xs={24} md={10}>
                              <Form.Item
                                name={[f.name, 'condition']}
                                label="适用情形"
                                rules={[req('适用情形')]}
                              >
                                <Input maxLength={500} placeholder="如：委托他人代为办理的" />
                              </Form.Item>
                            </Col>
                          ) : null
                        }
                      </Form.Item>
                      <Col xs={12} md={5}>
                        <Form.Item
                          name={[f.name, 'deferrable']}
                          label="容缺"
                          valuePropName="checked"
                          tooltip="可先受理，材料在受理后补交"
                        >
                          <Checkbox>允许容缺后补</Checkbox>
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={9}>
                        <Form.Item
                          name={[f.name, 'licenseTypeCode']}
                          label="免提交：电子证照类型代码"
                          tooltip="填写后，系统从电子证照库调取，申请人无需提交"
                          rules={[
                            { pattern: /^[0-9A-Za-z.-]{1,64}$/, message: '电子证照类型代码格式不正确' },
                          ]}
                        >
                          <Input placeholder="不填则需提交" />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({ requirement: 'required', form: 'original', copies: 1, deferrable: false })
                  }
                  data-testid="material-add"
                >
                  添加材料
                </Button>
              </>
            )}
          </Form.List>
        </Block>

        <Block title="办事指南（多语种）">
          <Tabs
            items={GuideLang.options.map((lang) => ({
              key: lang,
              label: GUIDE_LANG_LABELS[lang],
              forceRender: true,
              children: <GuideFields lang={lang} />,
            }))}
          />
        </Block>
      </Form>
    </Card>
  );
}

function GuideFields({ lang }: { lang: GuideLang }) {
  const enabled = Form.useWatch(['guides', lang, 'enabled']) as boolean | undefined;
  const on = lang === 'zh' || !!enabled;
  return (
    <>
      {lang === 'zh' ? (
        <Typography.Paragraph type="secondary">
          中文办事指南为必备；发布时须填写受理条件和办理流程。
        </Typography.Paragraph>
      ) : (
        <Form.Item
          name={['guides', lang, 'enabled']}
          valuePropName="checked"
          label={`提供${GUIDE_LANG_LABELS[lang]}指南`}
        >
          <Switch data-testid={`guide-enable-${lang}`} />
        </Form.Item>
      )}
      {on && (
        <>
          <Form.Item
            name={['guides', lang, 'name']}
            label="指南事项名称"
            rules={lang === 'zh' ? [] : [req('指南事项名称')]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={['guides', lang, 'conditions']} label="受理条件">
            <TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name={['guides', lang, 'process']} label="办理流程">
            <TextArea rows={3} maxLength={5000} data-testid={`guide-process-${lang}`} />
          </Form.Item>
          <Form.Item name={['guides', lang, 'notes']} label="注意事项">
            <TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </>
      )}
    </>
  );
}
