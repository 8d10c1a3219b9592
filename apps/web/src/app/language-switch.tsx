import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from './i18n';

export function LanguageSwitch({ ghost }: { ghost?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      style={ghost ? { color: 'inherit' } : undefined}
      title={t('layout.language')}
      onClick={() => changeLanguage(currentLanguage() === 'zh' ? 'en' : 'zh')}
    >
      {t('layout.switchTo')}
    </Button>
  );
}
