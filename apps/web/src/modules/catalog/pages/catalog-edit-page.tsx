import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
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
  ONLINE_LEVEL_LABELS,
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
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';
import {
  Block,
  FeesBlock,
  GuideFields,
  MaterialsBlock,
  req,
  sel,
  SpecialProceduresBlock,
  TextArea,
} from './catalog-edit-blocks';

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
        title={tr('catalog.catalogEditPage.thisVersionIsAnd', {
          v0: versionStatusLabel(version.data.status),
        })}
        subTitle={tr('catalog.catalogEditPage.aPublishedVersionCannot')}
        extra={
          <Button onClick={() => void navigate(`/catalog/${version.data.itemId}`)}>
            {tr('catalog.catalogEditPage.backToTheItem')}
          </Button>
        }
      />
    );

  const onSave = async () => {
    const v = await form.validateFields();
    const content = toContent(v);
    if (isEdit && version.data) {
      const saved = await update.mutateAsync({ versionId: version.data.id, patch: content });
      notifySuccess(tr('catalog.catalogEditPage.draftSaved'));
      void navigate(`/catalog/${saved.itemId}`);
    } else {
      const saved = await create.mutateAsync({ ...content, itemCode: (v.itemCode ?? '').trim() });
      notifySuccess(tr('catalog.catalogEditPage.itemCreatedDraftVersion'));
      void navigate(`/catalog/${saved.itemId}`);
    }
  };

  const title = isEdit
    ? tr('catalog.catalogEditPage.editDraftVersion', {
        v0: version.data?.name ?? '',
        v1: version.data?.versionNo ?? '',
      })
    : tr('catalog.catalogEditPage.newItem');

  return (
    <Card
      data-testid="catalog-edit-page"
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Tag color="gold">{tr('catalog.catalogEditPage.draft')}</Tag>
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => void navigate(-1)}>{tr('catalog.catalogEditPage.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void onSave().catch(() => undefined)}
            data-testid="catalog-save"
          >
            {tr('catalog.catalogEditPage.saveDraft')}
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={tr('catalog.catalogEditPage.aDraftMayLack')}
      />
      <Form form={form} layout="vertical" data-testid="catalog-form" scrollToFirstError>
        <Block title={tr('catalog.catalogEditPage.basics')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={tr('catalog.catalogEditPage.itemName')}
                rules={[req(tr('catalog.catalogEditPage.itemName'))]}
              >
                <Input maxLength={200} data-testid="field-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="itemCode"
                label={tr('catalog.catalogEditPage.itemCode')}
                tooltip={tr('catalog.catalogEditPage.perGbT39554')}
                rules={isEdit ? [] : [req(tr('catalog.catalogEditPage.itemCode'))]}
              >
                <Input
                  maxLength={100}
                  disabled={isEdit}
                  placeholder={isEdit ? version.data?.itemCode : tr('catalog.catalogEditPage.eG350999Scjg')}
                  data-testid="field-item-code"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="itemType"
                label={tr('catalog.catalogEditPage.itemType')}
                rules={[sel(tr('catalog.catalogEditPage.itemType'))]}
              >
                <Select options={optionsOf(labelsOf(ITEM_TYPE_LABELS))} data-testid="field-item-type" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="departmentId"
                label={tr('catalog.catalogEditPage.department')}
                rules={[sel(tr('catalog.catalogEditPage.department'))]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  data-testid="field-department"
                />
              </Form.Item>
            </Col>
          </Row>
        </Block>

        <Block title={tr('catalog.catalogEditPage.timeLimitsAndChannels')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="handling" label={tr('catalog.catalogEditPage.caseType')}>
                <Radio.Group optionType="button" options={optionsOf(labelsOf(HANDLING_LABELS))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="legalLimitDays" label={tr('catalog.catalogEditPage.legalTimeLimitWorking')}>
                <InputNumber min={0} max={3650} disabled={instant} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="promisedLimitDays"
                label={tr('catalog.catalogEditPage.promisedTimeLimitWorking')}
                dependencies={['legalLimitDays']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value: number | null | undefined) => {
                      const legal = getFieldValue('legalLimitDays') as number | null | undefined;
                      if (value == null || legal == null || value <= legal) return Promise.resolve();
                      return Promise.reject(new Error(tr('catalog.catalogEditPage.thePromisedLimitCannot')));
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
                <Typography.Text type="secondary">
                  {tr('catalog.catalogEditPage.immediateItemsAreConcluded')}
                </Typography.Text>
              </Col>
            )}
            <Col xs={12} md={8}>
              <Form.Item
                name="maxVisits"
                label={tr('catalog.catalogEditPage.visits')}
                tooltip={tr('catalog.catalogEditPage.n0ZeroVisits1')}
              >
                <InputNumber min={0} max={10} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="onlineLevel" label={tr('catalog.catalogEditPage.onlineLevel')}>
                <Select allowClear options={optionsOf(labelsOf(ONLINE_LEVEL_LABELS))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="exempt"
                label={tr('catalog.catalogEditPage.onTheHallS')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
            {exempt && (
              <Col span={24}>
                <Form.Item
                  name="hallExemption"
                  label={tr('catalog.catalogEditPage.whyNotInThe')}
                  rules={[req(tr('catalog.catalogEditPage.whyNotInThe'))]}
                >
                  <TextArea rows={2} maxLength={500} showCount />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Block>

        <Block title={tr('catalog.catalogEditPage.legalBasis')}>
          <Form.List name="legalBasis">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={24} md={10}>
                      <Form.Item name={[f.name, 'name']} rules={[req(tr('catalog.catalogEditPage.basis'))]}>
                        <Input placeholder={tr('catalog.catalogEditPage.lawOrRegulationE')} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={12}>
                      <Form.Item name={[f.name, 'article']}>
                        <Input placeholder={tr('catalog.catalogEditPage.articleEGArt')} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={tr('catalog.catalogEditPage.delete')}
                      />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', article: '' })}>
                  {tr('catalog.catalogEditPage.addBasis')}
                </Button>
              </>
            )}
          </Form.List>
        </Block>

        <Block title={tr('catalog.catalogEditPage.conditions')}>
          <Form.Item name="acceptanceConditions" noStyle>
            <TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
        </Block>

        <SpecialProceduresBlock />

        <FeesBlock />

        <Block title={tr('catalog.catalogEditPage.placeHoursAndPhones')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="location" label={tr('catalog.catalogEditPage.place')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="hours" label={tr('catalog.catalogEditPage.hours')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={12} md={12}>
              <Form.Item name="consultPhone" label={tr('catalog.catalogEditPage.enquiries')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12} md={12}>
              <Form.Item name="complaintPhone" label={tr('catalog.catalogEditPage.complaints')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
        </Block>

        <Block
          title={tr('catalog.catalogEditPage.steps')}
          extra={
            <Button
              size="small"
              icon={<UndoOutlined />}
              onClick={() => form.setFieldsValue({ steps: [...DEFAULT_STEPS] })}
            >
              {tr('catalog.catalogEditPage.resetToDefault')}
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
                ? tr('catalog.catalogEditPage.thereAreStepsBefore', { v0: stepsBeforeConclude(steps) })
                : tr('catalog.catalogEditPage.n31AtMost')
            }
          />
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <Flex wrap gap={8} align="center">
                {fields.map((f, i) => (
                  <Space key={f.key} size={4}>
                    {i > 0 && <span style={{ color: '#9ca3af' }}>→</span>}
                    <Form.Item name={f.name} noStyle rules={[req(tr('catalog.catalogEditPage.stepName'))]}>
                      <Input style={{ width: 110 }} maxLength={20} />
                    </Form.Item>
                    {fields.length > 2 && (
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={tr('catalog.catalogEditPage.delete')}
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
                  {tr('catalog.catalogEditPage.addStep')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Block>

        <MaterialsBlock />

        <Block title={tr('catalog.catalogEditPage.serviceGuidesLanguages')}>
          <Tabs
            items={GuideLang.options.map((lang) => ({
              key: lang,
              label: labelsOf(GUIDE_LANG_LABELS)[lang],
              forceRender: true,
              children: <GuideFields lang={lang} />,
            }))}
          />
        </Block>
      </Form>
    </Card>
  );
}
