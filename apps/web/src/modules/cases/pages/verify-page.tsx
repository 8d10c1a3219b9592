import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import type { License } from '@tongban/contracts';
import { PublicShell } from '../../catalog';
import { useLicenseVerification } from '../api';
import { tr } from '../../../app/i18n';

export const LICENSE_STATUS: Record<License['status'], { label: string; color: string }> = {
  valid: {
    get label() {
      return tr('cases.verifyPage.valid');
    },
    color: 'green',
  },
  revoked: {
    get label() {
      return tr('cases.verifyPage.revoked');
    },
    color: 'red',
  },
  expired: {
    get label() {
      return tr('cases.verifyPage.expired');
    },
    color: 'default',
  },
};

/**
 * 电子证照核验 (no sign-in), by the verification token printed on the license (its QR code): the
 * check character of the license id is recomputed by the server; the holder is masked.
 */
export function VerifyPage() {
  const { token = '' } = useParams();
  const v = useLicenseVerification(token);
  const lic = v.data?.license;
  return (
    <PublicShell title={tr('cases.verifyPage.verifyAnELicense')}>
      <Card data-testid="verify-page">
        {v.isLoading ? (
          <Spin size="large" style={{ display: 'block', margin: 60 }} />
        ) : !v.data ? (
          <Result
            status="warning"
            title={tr('cases.verifyPage.cannotVerifyTooMany')}
            subTitle={v.error instanceof Error ? v.error.message : undefined}
            data-testid="verify-unavailable"
          />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {lic && v.data.checkCharacterValid ? (
              <Alert
                type={lic.status === 'valid' ? 'success' : 'warning'}
                showIcon
                icon={<CheckCircleOutlined />}
                title={
                  lic.status === 'valid'
                    ? tr('cases.verifyPage.verifiedTheELicense')
                    : tr('cases.verifyPage.thisELicenseIs', { label: LICENSE_STATUS[lic.status].label })
                }
                data-testid="verify-result"
              />
            ) : (
              <Alert
                type="error"
                showIcon
                icon={<CloseCircleOutlined />}
                title={
                  v.data.found
                    ? tr('cases.verifyPage.theLicenseIdS')
                    : tr('cases.verifyPage.eLicenseNotFound')
                }
                data-testid="verify-result"
              />
            )}
            {v.data.found && (
              <Descriptions column={1} bordered size="middle">
                <Descriptions.Item label={tr('cases.verifyPage.licenseId')}>
                  <Typography.Text style={{ wordBreak: 'break-all' }} data-testid="verify-id">
                    {v.data.id}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={tr('cases.verifyPage.checkCharacterIso7064')}>
                  {v.data.checkCharacterValid ? (
                    <Tag color="green" data-testid="verify-check">
                      {tr('cases.verifyPage.correct')}
                    </Tag>
                  ) : (
                    <Tag color="red" data-testid="verify-check">
                      {tr('cases.verifyPage.wrong')}
                    </Tag>
                  )}
                </Descriptions.Item>
                {lic && (
                  <>
                    <Descriptions.Item label={tr('cases.verifyPage.license')}>
                      {lic.typeName}
                    </Descriptions.Item>
                    <Descriptions.Item label={tr('cases.verifyPage.holder')}>
                      <span data-testid="verify-holder">
                        {lic.holderName}（{lic.holderIdMasked}）
                      </span>
                    </Descriptions.Item>
                    <Descriptions.Item label={tr('cases.verifyPage.issuedBy')}>
                      <span data-testid="verify-issuer">{lic.issuerName}</span>（{lic.issuerCreditCode}）
                    </Descriptions.Item>
                    <Descriptions.Item label={tr('cases.verifyPage.valid2')}>
                      {lic.validFrom} {tr('cases.verifyPage.to')}{' '}
                      {lic.validUntil ?? tr('cases.verifyPage.indefinitely')}
                    </Descriptions.Item>
                    <Descriptions.Item label={tr('cases.verifyPage.status')}>
                      <Tag color={LICENSE_STATUS[lic.status].color} data-testid="verify-status">
                        {LICENSE_STATUS[lic.status].label}
                      </Tag>
                    </Descriptions.Item>
                  </>
                )}
              </Descriptions>
            )}
            {lic && (
              <Link to={`/verify/${encodeURIComponent(token)}/certificate`}>
                <Button icon={<PrinterOutlined />}>{tr('cases.verifyPage.printLicense')}</Button>
              </Link>
            )}
          </Space>
        )}
      </Card>
    </PublicShell>
  );
}
