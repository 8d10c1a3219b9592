import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PublicShell } from '../../catalog';
import { verifyTokenOf } from '../api';

/** 证照核验 without a code in the address: paste the code or the link printed on the license. */
export function VerifyEntryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const go = () => {
    const token = verifyTokenOf(code);
    if (token) void navigate(`/verify/${encodeURIComponent(token)}`);
  };
  return (
    <PublicShell title={t('portal.tiles.verify.title')}>
      <Card style={{ maxWidth: 640 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('portal.verifyHelp')}</Typography.Paragraph>
          <Input
            size="large"
            placeholder={t('portal.verifyPlaceholder')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={go}
            data-testid="verify-entry-code"
          />
          <Button type="primary" onClick={go} data-testid="verify-entry-submit">
            {t('portal.verifyButton')}
          </Button>
        </Space>
      </Card>
    </PublicShell>
  );
}
