import { type ReactNode } from 'react';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  GUIDE_LANG_LABELS,
  GuideLang,
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  SPECIAL_PROCEDURE_LABELS,
} from '@tongban/contracts';
import { optionsOf } from '../components/catalog-format';
import { type CatalogFormValues } from '../components/catalog-form-model';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

/** Parts of 新建事项/编辑草稿 (catalog-edit-page.tsx): the form blocks that need nothing from the page. */
export const { TextArea } = Input;
export const req = (label: string) => ({
  required: true,
  whitespace: true,
  message: tr('catalog.catalogEditPage.pleaseEnter', { label }),
});
export const sel = (label: string) => ({
  required: true,
  message: tr('catalog.catalogEditPage.pleaseSelect', { label }),
});

export function Block({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** 特别程序: hearings, tests, site inspections, each with its days and whether they count in the legal limit. */
export function SpecialProceduresBlock() {
  return (
    <Block
      title={tr('catalog.catalogEditPage.specialProcedures')}
      extra={
        <Typography.Text type="secondary">
          {tr('catalog.catalogEditPage.hearingsTestsSiteInspections')}
        </Typography.Text>
      }
    >
      <Form.List name="specialProcedures">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top">
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[f.name, 'kind']}
                    rules={[sel(tr('catalog.catalogEditPage.specialProcedures'))]}
                  >
                    <Select
                      placeholder={tr('catalog.catalogEditPage.step')}
                      options={optionsOf(labelsOf(SPECIAL_PROCEDURE_LABELS))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[f.name, 'days']}
                    rules={[{ required: true, message: tr('catalog.catalogEditPage.pleaseEnterTheDays') }]}
                  >
                    <InputNumber
                      min={0}
                      max={3650}
                      addonAfter={tr('catalog.catalogEditPage.workingDays')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'countsInLimit']} valuePropName="checked">
                    <Checkbox>{tr('catalog.catalogEditPage.countsTowardsTheLegal')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col xs={10} md={9}>
                  <Form.Item name={[f.name, 'legalBasis']}>
                    <Input placeholder={tr('catalog.catalogEditPage.basis2')} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={2}>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={tr('catalog.catalogEditPage.delete')}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ days: 10, countsInLimit: false })}>
              {tr('catalog.catalogEditPage.addSpecialProcedure')}
            </Button>
          </>
        )}
      </Form.List>
    </Block>
  );
}

/** 收费: no fee item means free of charge. */
export function FeesBlock() {
  return (
    <Block
      title={tr('catalog.catalogEditPage.fees')}
      extra={
        <Typography.Text type="secondary">{tr('catalog.catalogEditPage.noFeeItemsMeans')}</Typography.Text>
      }
    >
      <Form.List name="fees">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top">
                <Col xs={12} md={7}>
                  <Form.Item name={[f.name, 'name']} rules={[req(tr('catalog.catalogEditPage.fee'))]}>
                    <Input placeholder={tr('catalog.catalogEditPage.fee')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[f.name, 'amountYuan']}
                    rules={[{ required: true, message: tr('catalog.catalogEditPage.pleaseEnterTheAmount') }]}
                  >
                    <InputNumber
                      min={0.01}
                      precision={2}
                      addonAfter={tr('catalog.catalogEditPage.yuan')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={20} md={11}>
                  <Form.Item
                    name={[f.name, 'basis']}
                    rules={[req(tr('catalog.catalogEditPage.basisOfTheFee'))]}
                  >
                    <Input placeholder={tr('catalog.catalogEditPage.basisOfTheFee')} />
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
            <Button icon={<PlusOutlined />} onClick={() => add()}>
              {tr('catalog.catalogEditPage.addFee')}
            </Button>
          </>
        )}
      </Form.List>
    </Block>
  );
}

/** 申请材料: each material with its necessity, form, copies, condition, deferral and e-license. */
export function MaterialsBlock() {
  return (
    <Block title={tr('catalog.catalogEditPage.materials')}>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                style={{ marginBottom: 8 }}
                title={tr('catalog.catalogEditPage.material', { v0: i + 1 })}
                extra={
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                  >
                    {tr('catalog.catalogEditPage.delete')}
                  </Button>
                }
                data-testid="material-row"
              >
                <Row gutter={8}>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={tr('catalog.catalogEditPage.material2')}
                      rules={[req(tr('catalog.catalogEditPage.material2'))]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'requirement']}
                      label={tr('catalog.catalogEditPage.necessity')}
                      rules={[sel(tr('catalog.catalogEditPage.necessity'))]}
                    >
                      <Select options={optionsOf(labelsOf(MATERIAL_REQUIREMENT_LABELS))} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'form']}
                      label={tr('catalog.catalogEditPage.form')}
                      rules={[sel(tr('catalog.catalogEditPage.form'))]}
                    >
                      <Select options={optionsOf(labelsOf(MATERIAL_FORM_LABELS))} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[f.name, 'copies']} label={tr('catalog.catalogEditPage.copies')}>
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
                            label={tr('catalog.catalogEditPage.appliesWhen')}
                            rules={[req(tr('catalog.catalogEditPage.appliesWhen'))]}
                          >
                            <Input
                              maxLength={500}
                              placeholder={tr('catalog.catalogEditPage.eGWhenSomeone')}
                            />
                          </Form.Item>
                        </Col>
                      ) : null
                    }
                  </Form.Item>
                  <Col xs={12} md={5}>
                    <Form.Item
                      name={[f.name, 'deferrable']}
                      label={tr('catalog.catalogEditPage.deferrable')}
                      valuePropName="checked"
                      tooltip={tr('catalog.catalogEditPage.mayBeAcceptedFirst')}
                    >
                      <Checkbox>{tr('catalog.catalogEditPage.allowDeferring')}</Checkbox>
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={9}>
                    <Form.Item
                      name={[f.name, 'licenseTypeCode']}
                      label={tr('catalog.catalogEditPage.notNeededELicense')}
                      tooltip={tr('catalog.catalogEditPage.ifFilledInThe')}
                      rules={[
                        {
                          pattern: /^[0-9A-Za-z.-]{1,64}$/,
                          message: tr('catalog.catalogEditPage.theELicenseType'),
                        },
                      ]}
                    >
                      <Input placeholder={tr('catalog.catalogEditPage.leaveEmptyIfIt')} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ requirement: 'required', form: 'original', copies: 1, deferrable: false })}
              data-testid="material-add"
            >
              {tr('catalog.catalogEditPage.addMaterial')}
            </Button>
          </>
        )}
      </Form.List>
    </Block>
  );
}

export function GuideFields({ lang }: { lang: GuideLang }) {
  const enabled = Form.useWatch(['guides', lang, 'enabled']) as boolean | undefined;
  const on = lang === 'zh' || !!enabled;
  return (
    <>
      {lang === 'zh' ? (
        <Typography.Paragraph type="secondary">
          {tr('catalog.catalogEditPage.theChineseGuideIs')}
        </Typography.Paragraph>
      ) : (
        <Form.Item
          name={['guides', lang, 'enabled']}
          valuePropName="checked"
          label={tr('catalog.catalogEditPage.provideAGuide', { v0: labelsOf(GUIDE_LANG_LABELS)[lang] })}
        >
          <Switch data-testid={`guide-enable-${lang}`} />
        </Form.Item>
      )}
      {on && (
        <>
          <Form.Item
            name={['guides', lang, 'name']}
            label={tr('catalog.catalogEditPage.itemNameInThe')}
            rules={lang === 'zh' ? [] : [req(tr('catalog.catalogEditPage.itemNameInThe'))]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={['guides', lang, 'conditions']} label={tr('catalog.catalogEditPage.conditions')}>
            <TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name={['guides', lang, 'process']} label={tr('catalog.catalogEditPage.process')}>
            <TextArea rows={3} maxLength={5000} data-testid={`guide-process-${lang}`} />
          </Form.Item>
          <Form.Item name={['guides', lang, 'notes']} label={tr('catalog.catalogEditPage.notes')}>
            <TextArea rows={2} maxLength={5000} />
          </Form.Item>
        </>
      )}
    </>
  );
}
