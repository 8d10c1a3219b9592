import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import type { License } from '@tongban/contracts';
import { PublicShell } from '../../catalog';
import { useLicenseVerification } from '../api';

export const LICENSE_STATUS: Record<License['status'], { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  revoked: { label: '已注销', color: 'red' },
  expired: { label: '已过期', color: 'default' },
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
    <PublicShell title="电子证照核验">
      <Card data-testid="verify-page">
        {v.isLoading ? (
          <Spin size="large" style={{ display: 'block', margin: 60 }} />
        ) : !v.data ? (
          <Result
            status="warning"
            title="无法核验：请求过于频繁或服务暂不可用，请稍后再试"
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
                    ? '核验通过：该电子证照真实有效'
                    : `该电子证照${LICENSE_STATUS[lic.status].label}`
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
                    ? '证照标识校验位不正确，可能被篡改'
                    : '未找到该电子证照：请扫描证照上的二维码，或核对核验地址是否完整'
                }
                data-testid="verify-result"
              />
            )}
            {v.data.found && (
              <Descriptions column={1} bordered size="middle">
                <Descriptions.Item label="证照标识">
                  <Typography.Text style={{ wordBreak: 'break-all' }} data-testid="verify-id">
                    {v.data.id}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="校验位（ISO 7064 MOD 37,36）">
                  {v.data.checkCharacterValid ? (
                    <Tag color="green" data-testid="verify-check">
                      正确
                    </Tag>
                  ) : (
                    <Tag color="red" data-testid="verify-check">
                      错误
                    </Tag>
                  )}
                </Descriptions.Item>
                {lic && (
                  <>
                    <Descriptions.Item label="证照名称">{lic.typeName}</Descriptions.Item>
                    <Descriptions.Item label="持证主体">
                      <span data-testid="verify-holder">
                        {lic.holderName}（{lic.holderIdMasked}）
                      </span>
                    </Descriptions.Item>
                    <Descriptions.Item label="发证机关">
                      <span data-testid="verify-issuer">{lic.issuerName}</span>（{lic.issuerCreditCode}）
                    </Descriptions.Item>
                    <Descriptions.Item label="有效期">
                      {lic.validFrom} 至 {lic.validUntil ?? '长期'}
                    </Descriptions.Item>
                    <Descriptions.Item label="状态">
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
                <Button icon={<PrinterOutlined />}>打印证照</Button>
              </Link>
            )}
          </Space>
        )}
      </Card>
    </PublicShell>
  );
}
