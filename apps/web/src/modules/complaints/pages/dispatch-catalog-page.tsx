import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography, message } from 'antd';
import { useState } from 'react';
import type { CatalogPublishInput, DispatchCatalog } from '@tongban/contracts';
import { useAuth } from '../../../app/auth-context';
import { useCatalog, useCatalogVersions, useDepartments, usePublishCatalog } from '../api';
import { SUBJECTS, TYPES, useLabels } from '../labels';
import { formatInstant } from '../../../app/format';

type Rule = CatalogPublishInput['rules'][number];
const ANY = '';

/**
 * 派单目录: the version in force and every earlier one; an editor that starts from a version and
 * publishes the whole list as the next version (audited on the server; old versions stay).
 */
export function DispatchCatalogPage() {
  const { t, label, options } = useLabels();
  const versions = useCatalogVersions();
  const [viewing, setViewing] = useState<number | undefined>(undefined);
  const catalog = useCatalog(viewing);
  const depts = useDepartments();
  const publish = usePublishCatalog();
  const mayWrite = useAuth().can('complaint.catalog.write');
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ note: string; rules: Rule[] }>();
  const deptName = new Map((depts.data ?? []).map((d) => [d.id, d.name]));
  const deptOptions = (depts.data ?? []).map((d) => ({ value: d.id, label: d.name }));
  const any = { value: ANY, label: t('complaints.catalog.any') };

  function startEdit(from: DispatchCatalog | undefined) {
    form.setFieldsValue({
      note: '',
      rules: (from?.rules ?? []).map((r) => ({
        type: r.type ?? ANY,
        subjectKind: r.subjectKind ?? ANY,
        subjectId: r.subjectId,
        leadDepartmentId: r.leadDepartmentId,
        assistDepartmentIds: r.assistDepartmentIds,
        explanation: r.explanation,
      })) as never,
    });
    setEditing(true);
  }
  async function save(v: { note: string; rules: Rule[] }) {
    try {
      const r = await publish.mutateAsync({
        note: v.note ?? '',
        rules: (v.rules ?? []).map((x) => ({
          type: (x.type as string) === ANY ? null : x.type,
          subjectKind: (x.subjectKind as string) === ANY ? null : x.subjectKind,
          subjectId: x.subjectId?.trim() ? x.subjectId.trim() : null,
          leadDepartmentId: x.leadDepartmentId,
          assistDepartmentIds: x.assistDepartmentIds ?? [],
          explanation: x.explanation,
        })),
      });
      message.success(t('complaints.catalog.published', { version: r.version }));
      setEditing(false);
      setViewing(undefined);
    } catch (e) {
      message.error((e as Error).message);
    }
  }
  const c = catalog.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={
          viewing
            ? t('complaints.catalog.viewing', { version: viewing })
            : `${t('complaints.catalog.title')} · ${c?.version ? t('complaints.catalog.version', { version: c.version }) : t('complaints.catalog.none')}`
        }
        extra={
          <Space>
            {viewing && <Button onClick={() => setViewing(undefined)}>{t('complaints.catalog.back')}</Button>}
            {mayWrite && !editing && (
              <Button type="primary" onClick={() => startEdit(c)} data-testid="catalog-edit">
                {c?.version ? t('complaints.catalog.edit') : t('complaints.catalog.newVersion')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('complaints.catalog.intro')}</Typography.Paragraph>
        {c?.note && <Alert type="info" showIcon message={`${t('complaints.catalog.note')}：${c.note}`} />}
        {!editing && (
          <Table
            rowKey="id"
            loading={catalog.isLoading}
            dataSource={c?.rules ?? []}
            pagination={false}
            style={{ marginTop: 16 }}
            columns={[
              {
                title: t('complaints.catalog.type'),
                dataIndex: 'type',
                render: (v: string | null) => (v ? label('type', v) : t('complaints.catalog.any')),
              },
              {
                title: t('complaints.catalog.subjectKind'),
                dataIndex: 'subjectKind',
                render: (v: string | null, r) =>
                  `${v ? label('subject', v) : t('complaints.catalog.any')}${r.subjectId ? ` · ${r.subjectId}` : ''}`,
              },
              { title: t('complaints.catalog.lead'), dataIndex: 'leadDepartmentName' },
              {
                title: t('complaints.catalog.assist'),
                dataIndex: 'assistDepartmentIds',
                render: (ids: string[]) => ids.map((id) => deptName.get(id) ?? id).join('、'),
              },
              { title: t('complaints.catalog.explanation'), dataIndex: 'explanation' },
            ]}
          />
        )}
        {editing && (
          <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ marginTop: 16 }}>
            <Form.List name="rules">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="start" wrap style={{ marginBottom: 8 }}>
                      <Form.Item name={[f.name, 'type']} label={t('complaints.catalog.type')}>
                        <Select style={{ width: 150 }} options={[any, ...options('type', TYPES)]} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'subjectKind']} label={t('complaints.catalog.subjectKind')}>
                        <Select style={{ width: 130 }} options={[any, ...options('subject', SUBJECTS)]} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'subjectId']} label={t('complaints.catalog.subjectId')}>
                        <Input style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'leadDepartmentId']}
                        label={t('complaints.catalog.lead')}
                        rules={[{ required: true, message: t('complaints.catalog.leadRequired') }]}
                      >
                        <Select style={{ width: 200 }} options={deptOptions} data-testid="catalog-lead" />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'assistDepartmentIds']}
                        label={t('complaints.catalog.assist')}
                      >
                        <Select mode="multiple" style={{ width: 220 }} options={deptOptions} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'explanation']}
                        label={t('complaints.catalog.explanation')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('complaints.catalog.explanationRequired'),
                          },
                        ]}
                      >
                        <Input style={{ width: 280 }} data-testid="catalog-explanation" />
                      </Form.Item>
                      <Form.Item label=" ">
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                          {t('complaints.catalog.remove')}
                        </Button>
                      </Form.Item>
                    </Space>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ type: ANY, subjectKind: ANY, assistDepartmentIds: [] })}
                    data-testid="catalog-add"
                  >
                    {t('complaints.catalog.addRule')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item
              name="note"
              label={t('complaints.catalog.note')}
              style={{ marginTop: 16, maxWidth: 600 }}
            >
              <Input />
            </Form.Item>
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                loading={publish.isPending}
                data-testid="catalog-publish"
              >
                {t('complaints.catalog.publish')}
              </Button>
              <Button onClick={() => setEditing(false)}>{t('complaints.catalog.cancel')}</Button>
            </Space>
          </Form>
        )}
      </Card>
      <Card title={t('complaints.catalog.versions')}>
        <Table
          rowKey="version"
          loading={versions.isLoading}
          dataSource={versions.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: t('complaints.catalog.version', { version: '' }).trim() || '#',
              dataIndex: 'version',
              render: (v: number) => t('complaints.catalog.version', { version: v }),
            },
            {
              title: t('complaints.catalog.publishedAt'),
              dataIndex: 'publishedAt',
              render: (v: string) => formatInstant(v),
            },
            { title: t('complaints.catalog.publishedBy'), dataIndex: 'publishedBy' },
            { title: t('complaints.catalog.note'), dataIndex: 'note' },
            { title: t('complaints.catalog.rules'), dataIndex: 'rules' },
            {
              title: '',
              dataIndex: 'version',
              key: 'view',
              render: (v: number) => (
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(false);
                    setViewing(v);
                  }}
                >
                  {t('complaints.catalog.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
