import { useState } from 'react';
import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import {
  isValidCreditCode,
  isValidIdCardNumber,
  type Applicant,
  type ApplicantInput,
} from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { createApplicant, findApplicant } from '../api';

type Kind = 'person' | 'enterprise';

/** ID-1 on the client: the check character and (for persons) a real birth date, before any call. */
export const idNumberRule = (kind: Kind) => ({
  validator: (_: unknown, v: string | undefined) => {
    const n = (v ?? '').trim().toUpperCase();
    if (!n)
      return Promise.reject(new Error(kind === 'person' ? '请填写公民身份号码' : '请填写统一社会信用代码'));
    const ok = kind === 'person' ? isValidIdCardNumber(n) : isValidCreditCode(n);
    return ok
      ? Promise.resolve()
      : Promise.reject(
          new Error(
            kind === 'person'
              ? '公民身份号码不正确（校验码或出生日期有误）'
              : '统一社会信用代码不正确（校验码有误）',
          ),
        );
  },
});

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/**
 * Finds an applicant by exact number (keyed hash on the server) or registers a new one. Persons only
 * when `personOnly` (代办人).
 */
export function ApplicantPicker({
  value,
  onChange,
  personOnly = false,
  testPrefix = 'applicant',
}: {
  value: Applicant | undefined;
  onChange: (a: Applicant | undefined) => void;
  personOnly?: boolean;
  testPrefix?: string;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const [kind, setKind] = useState<Kind>('person');
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const lookup = async () => {
    setError(undefined);
    const { idNumber } = await form.validateFields(['idNumber']);
    setBusy(true);
    try {
      const found = (await findApplicant(idNumber!.trim().toUpperCase())).items[0];
      setNotFound(!found);
      onChange(found);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const register = async () => {
    setError(undefined);
    const v = await form.validateFields();
    const idNumber = v['idNumber']!.trim().toUpperCase();
    const input: ApplicantInput =
      kind === 'person'
        ? { kind, name: v['name']!.trim(), idNumber, phone: v['phone']!.trim() }
        : {
            kind,
            name: v['name']!.trim(),
            idNumber,
            legalRepresentative: v['legalRepresentative']!.trim(),
            contactName: v['contactName']!.trim(),
            phone: v['phone']!.trim(),
          };
    setBusy(true);
    try {
      onChange(await createApplicant(input));
      setNotFound(false);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (value)
    return (
      <Alert
        type="success"
        showIcon
        data-testid={`${testPrefix}-chosen`}
        title={
          <Space>
            <Typography.Text strong>{value.name}</Typography.Text>
            <span>{value.kind === 'person' ? '自然人' : '法人'}</span>
            <span>{value.idNumberMasked}</span>
            <span>{value.phoneMasked}</span>
          </Space>
        }
        action={
          <Button size="small" onClick={() => onChange(undefined)}>
            更换
          </Button>
        }
      />
    );

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }}>
      {!personOnly && (
        <Form.Item label="申请人类型">
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setNotFound(false);
              form.resetFields(['idNumber']);
            }}
            data-testid={`${testPrefix}-kind`}
          >
            <Radio.Button value="person">自然人</Radio.Button>
            <Radio.Button value="enterprise">法人</Radio.Button>
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item label={kind === 'person' ? '公民身份号码' : '统一社会信用代码'} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="idNumber" noStyle rules={[idNumberRule(kind)]} validateTrigger="onBlur">
            <Input maxLength={18} data-testid={`${testPrefix}-id-number`} placeholder="18 位" />
          </Form.Item>
          <Button loading={busy} onClick={() => void lookup()} data-testid={`${testPrefix}-lookup`}>
            查找
          </Button>
        </Space.Compact>
      </Form.Item>
      {notFound && (
        <>
          <Typography.Paragraph type="secondary">未登记，请填写以下信息登记。</Typography.Paragraph>
          <Form.Item
            name="name"
            label={kind === 'person' ? '姓名' : '单位名称'}
            rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
          >
            <Input data-testid={`${testPrefix}-name`} />
          </Form.Item>
          {kind === 'enterprise' && (
            <>
              <Form.Item
                name="legalRepresentative"
                label="法定代表人"
                rules={[{ required: true, whitespace: true, message: '请填写法定代表人' }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="contactName"
                label="联系人"
                rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}
              >
                <Input />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="phone"
            label="联系电话"
            rules={[
              { required: true, pattern: PHONE, message: '电话号码格式不正确（手机 11 位或区号-号码）' },
            ]}
          >
            <Input data-testid={`${testPrefix}-phone`} />
          </Form.Item>
          <Button
            type="primary"
            loading={busy}
            onClick={() => void register()}
            data-testid={`${testPrefix}-register`}
          >
            登记{personOnly ? '代办人' : '申请人'}
          </Button>
        </>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginTop: 12 }}
          data-testid={`${testPrefix}-error`}
        />
      )}
    </Form>
  );
}
