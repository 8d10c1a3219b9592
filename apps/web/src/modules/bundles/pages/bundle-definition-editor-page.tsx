import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import type { BundleDefinition } from '@tongban/contracts';
import { useTranslation } from 'react-i18next';
import { publishBundleDefinition, saveBundleDefinition, usePublishedCatalogItems } from '../api';

type FieldRow = { key: string; label: string; itemIds: string[] };

/**
 * 新建一件事主题 (BUN-1): published items of several departments of the region, the prerequisites
 * between them, the item-specific form fields. Saving makes a draft version whose merged form and
 * deduplicated materials are shown before it is published. The server's refusals (an item of another
 * region, a cycle of prerequisites, one department only) are shown as they are worded.
 */
export function BundleDefinitionEditorPage() {
  const { t, i18n } = useTranslation();
  const catalog = usePublishedCatalogItems();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [license, setLicense] = useState('');
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [deps, setDeps] = useState<Record<string, string[]>>({});
  const [fields, setFields] = useState<FieldRow[]>([]);
  const [draft, setDraft] = useState<BundleDefinition>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const items = catalog.data?.items ?? [];
  const nameOf = (id: string) => {
    const i = items.find((x) => x.id === id);
    return i ? `${i.name}（${i.departmentName}）` : id;
  };
  const attempt = async (p: () => Promise<BundleDefinition>, ok: (d: BundleDefinition) => string) => {
    setError(undefined);
    setBusy(true);
    try {
      const d = await p();
      setDraft(d);
      void message.success(ok(d));
    } catch (e) {
      // The server words its refusals in Chinese, naming the items; in English, the rule in words.
      const { code, message: text } = e as Error & { code?: string };
      setError(
        i18n.language.startsWith('en') && code ? t(`bundles.errors.${code}`, { defaultValue: text }) : text,
      );
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    attempt(
      () =>
        saveBundleDefinition({
          code: code.trim(),
          name: name.trim(),
          description: description.trim(),
          items: itemIds.map((id) => ({
            itemId: id,
            dependsOn: (deps[id] ?? []).filter((d) => itemIds.includes(d)),
          })),
          formFields: fields
            .filter((f) => f.key.trim() || f.label.trim())
            .map((f) => ({ ...f, itemIds: f.itemIds.filter((i) => itemIds.includes(i)) })),
          licenseTypeName: license.trim() || null,
        }),
      (d) => t('bundles.editor.saved', { v: d.versionNo }),
    );
  const itemOptions = items.map((i) => ({ value: i.id, label: `${i.name}（${i.departmentName}）` }));
  const chosenOptions = itemIds.map((id) => ({ value: id, label: nameOf(id) }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="bundle-editor">
      <Typography.Title level={3}>{t('bundles.title.editor')}</Typography.Title>
      <Alert type="info" showIcon message={t('bundles.editor.intro')} />
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Card>
            <Form layout="vertical">
              <Form.Item label={t('bundles.editor.code')} help={t('bundles.editor.codeHelp')}>
                <Input data-testid="editor-code" value={code} onChange={(e) => setCode(e.target.value)} />
              </Form.Item>
              <Form.Item label={t('bundles.editor.name')}>
                <Input data-testid="editor-name" value={name} onChange={(e) => setName(e.target.value)} />
              </Form.Item>
              <Form.Item label={t('bundles.editor.description')}>
                <Input.TextArea
                  rows={2}
                  data-testid="editor-description"
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </Form.Item>
              <Form.Item label={t('bundles.editor.license')}>
                <Input
                  data-testid="editor-license"
                  value={license}
                  onChange={(e) => setLicense(e.target.value)}
                />
              </Form.Item>
              <Form.Item label={t('bundles.editor.items')} help={t('bundles.editor.itemsHelp')}>
                <Select
                  mode="multiple"
                  data-testid="editor-items"
                  loading={catalog.isLoading}
                  value={itemIds}
                  onChange={setItemIds}
                  options={itemOptions}
                  optionFilterProp="label"
                  showSearch
                />
              </Form.Item>
              {itemIds.length > 0 && (
                <Table
                  size="small"
                  rowKey={(id) => id}
                  pagination={false}
                  dataSource={itemIds}
                  style={{ marginBottom: 16 }}
                  columns={[
                    { title: t('bundles.common.item'), render: (_, id) => nameOf(id) },
                    {
                      title: t('bundles.editor.dependsOn'),
                      render: (_, id, k) => (
                        <Select
                          mode="multiple"
                          style={{ minWidth: 260 }}
                          data-testid={`editor-deps-${k}`}
                          placeholder={t('bundles.editor.noDeps')}
                          value={deps[id] ?? []}
                          onChange={(v: string[]) => setDeps({ ...deps, [id]: v })}
                          options={chosenOptions.filter((o) => o.value !== id)}
                        />
                      ),
                    },
                  ]}
                />
              )}
              <Form.Item label={t('bundles.editor.fields')}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((f, k) => (
                    <Space key={k} wrap>
                      <Input
                        placeholder={t('bundles.editor.fieldKey')}
                        value={f.key}
                        style={{ width: 150 }}
                        onChange={(e) =>
                          setFields(fields.map((x, j) => (j === k ? { ...x, key: e.target.value } : x)))
                        }
                      />
                      <Input
                        placeholder={t('bundles.editor.fieldLabel')}
                        value={f.label}
                        style={{ width: 180 }}
                        onChange={(e) =>
                          setFields(fields.map((x, j) => (j === k ? { ...x, label: e.target.value } : x)))
                        }
                      />
                      <Select
                        mode="multiple"
                        placeholder={t('bundles.editor.fieldItems')}
                        style={{ minWidth: 240 }}
                        value={f.itemIds}
                        options={chosenOptions}
                        onChange={(v: string[]) =>
                          setFields(fields.map((x, j) => (j === k ? { ...x, itemIds: v } : x)))
                        }
                      />
                      <Button onClick={() => setFields(fields.filter((_, j) => j !== k))}>
                        {t('bundles.editor.remove')}
                      </Button>
                    </Space>
                  ))}
                  <Button onClick={() => setFields([...fields, { key: '', label: '', itemIds: [] }])}>
                    {t('bundles.editor.addField')}
                  </Button>
                </Space>
              </Form.Item>
              {error && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="editor-error"
                  message={`${t('bundles.editor.refused')}${error}`}
                  style={{ marginBottom: 12 }}
                />
              )}
              <Button type="primary" loading={busy} onClick={save} data-testid="editor-save">
                {t('bundles.editor.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          {draft && (
            <Card
              data-testid="editor-preview"
              title={t('bundles.editor.preview', {
                v: draft.versionNo,
                status: t(`bundles.versionStatus.${draft.status}`),
              })}
              extra={
                draft.status === 'draft' ? (
                  <Button
                    type="primary"
                    loading={busy}
                    data-testid="editor-publish"
                    onClick={() =>
                      attempt(
                        () => publishBundleDefinition(draft.versionId),
                        () => t('bundles.editor.published'),
                      )
                    }
                  >
                    {t('bundles.editor.publish')}
                  </Button>
                ) : (
                  <Link to={`/yjs/guide/${draft.id}`} target="_blank">
                    {t('bundles.common.guide')}
                  </Link>
                )
              }
            >
              <Space direction="vertical" style={{ width: '100%' }}>
                {draft.status === 'published' && (
                  <Alert
                    type="success"
                    showIcon
                    message={t('bundles.editor.published')}
                    data-testid="editor-published"
                  />
                )}
                <Typography.Text>
                  {t('bundles.editor.expected', { days: draft.expectedDays })}
                </Typography.Text>
                <List
                  size="small"
                  header={<b>{t('bundles.common.item')}</b>}
                  dataSource={draft.items}
                  renderItem={(i) => (
                    <List.Item>
                      {i.itemName}（{i.departmentName}）
                      {i.dependsOn.length > 0 &&
                        ` ← ${i.dependsOn.map((d) => draft.items.find((x) => x.itemId === d)?.itemName ?? d).join('、')}`}
                    </List.Item>
                  )}
                />
                <List
                  size="small"
                  header={<b>{t('bundles.editor.mergedForm')}</b>}
                  dataSource={draft.formFields}
                  data-testid="editor-form-preview"
                  renderItem={(f) => (
                    <List.Item>
                      {f.label}
                      {f.shared ? <Tag style={{ marginLeft: 8 }}>{t('bundles.common.shared')}</Tag> : null}
                    </List.Item>
                  )}
                />
                <List
                  size="small"
                  header={<b>{t('bundles.editor.mergedMaterials')}</b>}
                  dataSource={draft.materials}
                  data-testid="editor-materials-preview"
                  renderItem={(m) => (
                    <List.Item>
                      <span>
                        {m.name}
                        {m.required ? '' : t('bundles.common.optional')}
                      </span>
                      <Typography.Text type="secondary">
                        {t('bundles.common.usedFor', {
                          items: m.itemNames.join('、'),
                        })}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              </Space>
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}
