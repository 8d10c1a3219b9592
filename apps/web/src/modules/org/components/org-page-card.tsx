import type { ReactNode } from 'react';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

type Props = {
  title: string;
  testId: string;
  /** Shown only to roles that may write; read-only roles see a 只读 tag instead. */
  onCreate?: () => void;
  onRefresh?: () => void;
  extra?: ReactNode;
  children: ReactNode;
};

/** The frame of an organisation screen: title, create button for writers, then the table. */
export function OrgPageCard({ title, testId, onCreate, onRefresh, extra, children }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      data-testid={testId}
      title={
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {!onCreate && <Tag data-testid="read-only-tag">{t('common.readOnly')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {extra}
          {onRefresh && (
            <Button icon={<ReloadOutlined />} onClick={onRefresh}>
              {t('common.refresh')}
            </Button>
          )}
          {onCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="create-button">
              {t('common.create')}
            </Button>
          )}
        </Space>
      }
    >
      {children}
    </Card>
  );
}
