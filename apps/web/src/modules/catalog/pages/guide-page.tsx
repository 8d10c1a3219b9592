import { CatalogErrorCode } from '@tongban/contracts';
import { useEffect, useLayoutEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button, Card, Flex, Result, Segmented, Space, Spin } from 'antd';
import { FileWordOutlined, FormOutlined, PrinterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { GUIDE_LANG_LABELS, GuideLang } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { guideDocxUrl, usePublicGuide } from '../api';
import { GuideDocument } from '../components/guide-document';
import { guideLabels } from '../components/guide-labels';
import { PublicShell } from '../components/public-shell';
import { labelsOf } from '../../../app/enum-labels';
import { dropPrerender } from '../../../app/initial-data';

/** The language in ?lang=, Chinese unless it names one of zh/en/ru/ko. */
export function useGuideLang(): [GuideLang, (lang: GuideLang) => void] {
  const [params, setParams] = useSearchParams();
  const parsed = GuideLang.safeParse(params.get('lang'));
  const lang = parsed.success ? parsed.data : 'zh';
  return [lang, (l) => setParams(l === 'zh' ? {} : { lang: l }, { replace: true })];
}

/** 办事指南 of one item, public, in each language the item has (?lang=zh|en|ru|ko). */
export function GuidePage() {
  const { itemId = '' } = useParams();
  const [lang, setLang] = useGuideLang();
  const guide = usePublicGuide(itemId, lang);
  const L = guideLabels(lang);
  const { t } = L;
  const { t: tr } = useTranslation();
  // 网办深度 that allows an online application: 在线办理 opens /apply with this item chosen.
  const online = guide.data && guide.data.item.onlineLevel && guide.data.item.onlineLevel !== 'offline';

  // The server's first screen (the guide's name) gives way to the page as soon as the page is drawn.
  useLayoutEffect(dropPrerender, []);

  useEffect(() => {
    if (guide.data) document.title = `${guide.data.guide.name} · ${t('title')}`;
  }, [guide.data, t]);

  // A language the item lacks: the reply names the ones it has; offer those.
  const langError =
    guide.error instanceof ApiError && guide.error.code === CatalogErrorCode.GUIDE_LANG_MISSING
      ? ((guide.error.details as { availableLangs?: GuideLang[] } | undefined)?.availableLangs ?? [])
      : undefined;
  const langs = guide.data?.availableLangs ?? langError ?? [];

  // The toolbar is in the UI language while the guide is the Chinese one; a guide chosen in another
  // language (a foreign applicant's choice) brings its toolbar words along.
  const bar = (key: 'backToList' | 'print' | 'word') => (lang === 'zh' ? tr(`guide.${key}`) : t(key));
  const toolbar = (
    <Flex justify="space-between" align="center" wrap gap={12} className="no-print">
      <Space wrap>
        <Link to="/guide">
          <Button icon={<UnorderedListOutlined />}>{bar('backToList')}</Button>
        </Link>
        {langs.length > 1 && (
          <Segmented<GuideLang>
            data-testid="guide-lang-switch"
            value={lang}
            onChange={setLang}
            options={langs.map((l) => ({ value: l, label: labelsOf(GUIDE_LANG_LABELS)[l] }))}
          />
        )}
      </Space>
      {guide.data && (
        <Space wrap>
          {online && (
            <Link to={`/apply?item=${encodeURIComponent(itemId)}`}>
              <Button type="primary" icon={<FormOutlined />} data-testid="guide-apply-online">
                {tr('portal.onlineApply')}
              </Button>
            </Link>
          )}
          <Link to={`/guide/${encodeURIComponent(itemId)}/print${lang === 'zh' ? '' : `?lang=${lang}`}`}>
            <Button icon={<PrinterOutlined />} data-testid="guide-print">
              {bar('print')}
            </Button>
          </Link>
          <Button icon={<FileWordOutlined />} href={guideDocxUrl(itemId, lang)} data-testid="guide-docx">
            {bar('word')}
          </Button>
        </Space>
      )}
    </Flex>
  );

  return (
    <PublicShell title={t('title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {toolbar}
        <Card data-testid="guide-page" styles={{ body: { padding: '28px 40px' } }}>
          {guide.isLoading ? (
            <Flex justify="center" style={{ padding: 80 }}>
              <Spin size="large" />
            </Flex>
          ) : guide.data ? (
            <GuideDocument data={guide.data} />
          ) : (
            <Result
              status="404"
              title={guide.error instanceof ApiError ? guide.error.message : t('notFound')}
              data-testid="guide-error"
            />
          )}
        </Card>
      </Space>
    </PublicShell>
  );
}
