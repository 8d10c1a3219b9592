import { Link, useParams } from 'react-router';
import { Button, Result, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useLicenseVerification } from '../api';
import { LICENSE_STATUS } from './verify-page';
import '../components/case-print.css';

/**
 * Printable certificate of an e-license, with a QR code (and the address as text) to verify it. The
 * address is the server's (PUBLIC_BASE_URL), not this browser's, and carries the verification
 * token, not the license id (SEC-2).
 */
export function CertificatePage() {
  const { token = '' } = useParams();
  const v = useLicenseVerification(token);
  const lic = v.data?.license;
  const verifyUrl = v.data?.verifyUrl ?? '';
  return (
    <div className="tb-case-print" data-testid="certificate-page">
      <div className="tb-case-print__toolbar no-print">
        <Link to={`/verify/${encodeURIComponent(token)}`}>
          <Button icon={<ArrowLeftOutlined />}>返回核验页</Button>
        </Link>
        <Space>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!lic}>
            打印
          </Button>
        </Space>
      </div>
      <div className="tb-case-print__sheet">
        {v.isLoading ? (
          <Spin size="large" style={{ display: 'block', margin: 80 }} />
        ) : lic ? (
          <div className="tb-cert">
            <h1>{lic.typeName}</h1>
            <table>
              <tbody>
                <tr>
                  <th>持证主体</th>
                  <td>{lic.holderName}</td>
                </tr>
                <tr>
                  <th>证件号码</th>
                  <td>{lic.holderIdMasked}</td>
                </tr>
                <tr>
                  <th>发证机关</th>
                  <td>{lic.issuerName}</td>
                </tr>
                <tr>
                  <th>统一社会信用代码</th>
                  <td>{lic.issuerCreditCode}</td>
                </tr>
                <tr>
                  <th>有效期</th>
                  <td>
                    {lic.validFrom} 至 {lic.validUntil ?? '长期'}
                  </td>
                </tr>
                <tr>
                  <th>状态</th>
                  <td>{LICENSE_STATUS[lic.status].label}</td>
                </tr>
                <tr>
                  <th>证照标识</th>
                  <td>{lic.id}</td>
                </tr>
              </tbody>
            </table>
            <div className="tb-cert__verify" data-testid="certificate-verify-url">
              <img
                className="tb-cert__qr"
                src={`/api/public/licenses/${encodeURIComponent(token)}/qr.svg`}
                alt="证照核验二维码"
                data-testid="certificate-qr"
              />
              扫描二维码或访问以下地址核验本证照（无需登录）：
              <br />
              {verifyUrl}
            </div>
          </div>
        ) : (
          <Result status="404" title="未找到该电子证照" />
        )}
      </div>
    </div>
  );
}
