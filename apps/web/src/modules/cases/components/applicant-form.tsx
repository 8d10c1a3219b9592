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
import { tr } from '../../../app/i18n';

type Kind = 'person' | 'enterprise';

/** ID-1 on the client: the check character and (for persons) a real birth date, before any call. */
export const idNumberRule = (kind: Kind) => ({
  validator: (_: unknown, v: string | undefined) => {
    const n = (v ?? '').trim().toUpperCase();
    if (!n)
      return Promise.reject(
        new Error(
          kind === 'person'
            ? tr('cases.applicantForm.pleaseEnterTheCitizen')
            : tr('cases.applicantForm.pleaseEnterTheUnified'),
        ),
      );
    const ok = kind === 'person' ? isValidIdCardNumber(n) : isValidCreditCode(n);
    return ok
      ? Promise.resolve()
      : Promise.reject(
          new Error(
            kind === 'person'
              ? tr('cases.applicantForm.theCitizenIdNumber')
              : tr('cases.applicantForm.theUnifiedSocialCredit'),
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
            <span>
              {value.kind === 'person'
                ? tr('cases.applicantForm.naturalPerson')
                : tr('cases.applicantForm.legalPerson')}
            </span>
            <span>{value.idNumberMasked}</span>
            <span>{value.phoneMasked}</span>
          </Space>
        }
        action={
          <Button size="small" onClick={() => onChange(undefined)}>
            {tr('cases.applicantForm.change')}
          </Button>
        }
      />
    );

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }}>
      {!personOnly && (
        <Form.Item label={tr('cases.applicantForm.applicantType')}>
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setNotFound(false);
              form.resetFields(['idNumber']);
            }}
            data-testid={`${testPrefix}-kind`}
          >
            <Radio.Button value="person">{tr('cases.applicantForm.naturalPerson')}</Radio.Button>
            <Radio.Button value="enterprise">{tr('cases.applicantForm.legalPerson')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item
        label={
          kind === 'person'
            ? tr('cases.applicantForm.citizenIdNumber')
            : tr('cases.applicantForm.unifiedSocialCreditCode')
        }
        required
      >
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="idNumber" noStyle rules={[idNumberRule(kind)]} validateTrigger="onBlur">
            <Input
              maxLength={18}
              data-testid={`${testPrefix}-id-number`}
              placeholder={tr('cases.applicantForm.n18Characters')}
            />
          </Form.Item>
          <Button loading={busy} onClick={() => void lookup()} data-testid={`${testPrefix}-lookup`}>
            {tr('cases.applicantForm.lookUp')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {notFound && (
        <>
          <Typography.Paragraph type="secondary">
            {tr('cases.applicantForm.notRegisteredYetFill')}
          </Typography.Paragraph>
          <Form.Item
            name="name"
            label={
              kind === 'person' ? tr('cases.applicantForm.name') : tr('cases.applicantForm.organisationName')
            }
            rules={[
              { required: true, whitespace: true, message: tr('cases.applicantForm.pleaseEnterTheName') },
            ]}
          >
            <Input data-testid={`${testPrefix}-name`} />
          </Form.Item>
          {kind === 'enterprise' && (
            <>
              <Form.Item
                name="legalRepresentative"
                label={tr('cases.applicantForm.legalRepresentative')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: tr('cases.applicantForm.pleaseEnterTheLegal'),
                  },
                ]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="contactName"
                label={tr('cases.applicantForm.contactPerson')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: tr('cases.applicantForm.pleaseEnterTheContact'),
                  },
                ]}
              >
                <Input />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="phone"
            label={tr('cases.applicantForm.phone')}
            rules={[{ required: true, pattern: PHONE, message: tr('cases.applicantForm.thePhoneNumberIs') }]}
          >
            <Input data-testid={`${testPrefix}-phone`} />
          </Form.Item>
          <Button
            type="primary"
            loading={busy}
            onClick={() => void register()}
            data-testid={`${testPrefix}-register`}
          >
            {tr('cases.applicantForm.register')}
            {personOnly ? tr('cases.applicantForm.agent') : tr('cases.applicantForm.applicant')}
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
