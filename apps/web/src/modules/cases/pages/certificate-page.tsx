import { Link, useParams } from 'react-router';
import { Button, Result, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useLicenseVerification } from '../api';
import { LICENSE_STATUS } from './verify-page';
import '../components/case-print.css';
import { tr } from '../../../app/i18n';

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
          <Button icon={<ArrowLeftOutlined />}>{tr('cases.certificatePage.backToVerification')}</Button>
        </Link>
        <Space>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!lic}>
            {tr('cases.certificatePage.print')}
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
                  <th>{tr('cases.certificatePage.holder')}</th>
                  <td>{lic.holderName}</td>
                </tr>
                <tr>
                  <th>{tr('cases.certificatePage.idNumber')}</th>
                  <td>{lic.holderIdMasked}</td>
                </tr>
                <tr>
                  <th>{tr('cases.certificatePage.issuedBy')}</th>
                  <td>{lic.issuerName}</td>
                </tr>
                <tr>
                  <th>{tr('cases.certificatePage.unifiedSocialCreditCode')}</th>
                  <td>{lic.issuerCreditCode}</td>
                </tr>
                <tr>
                  <th>{tr('cases.certificatePage.valid')}</th>
                  <td>
                    {lic.validFrom} {tr('cases.certificatePage.to')}{' '}
                    {lic.validUntil ?? tr('cases.certificatePage.indefinitely')}
                  </td>
                </tr>
                <tr>
                  <th>{tr('cases.certificatePage.status')}</th>
                  <td>{LICENSE_STATUS[lic.status].label}</td>
                </tr>
                <tr>
                  <th>{tr('cases.certificatePage.licenseId')}</th>
                  <td>{lic.id}</td>
                </tr>
              </tbody>
            </table>
            <div className="tb-cert__verify" data-testid="certificate-verify-url">
              <img
                className="tb-cert__qr"
                src={`/api/public/licenses/${encodeURIComponent(token)}/qr.svg`}
                alt={tr('cases.certificatePage.licenseVerificationQrCode')}
                data-testid="certificate-qr"
              />
              {tr('cases.certificatePage.scanTheQrCode')}
              <br />
              {verifyUrl}
            </div>
          </div>
        ) : (
          <Result status="404" title={tr('cases.certificatePage.eLicenseNotFound')} />
        )}
      </div>
    </div>
  );
}
