import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { CatalogImportProblem } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { notifyError } from '../../../app/notify';
import { useImportCatalog, type ImportProblems, type ImportResult } from '../api';

type Outcome = { ok: ImportResult } | { problems: CatalogImportProblem[]; message: string };

/**
 * 导入 an .xlsx catalog sheet. The server imports all or nothing: when it refuses, every bad row is
 * listed (sheet, row, reason) and nothing was imported.
 */
export function ImportButton() {
  const importer = useImportCatalog();
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const upload = async (file: File) => {
    try {
      setOutcome({ ok: await importer.mutateAsync(file) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CATALOG_IMPORT_INVALID') {
        const problems = (error.details as ImportProblems | undefined)?.problems ?? [];
        setOutcome({ problems, message: error.message });
      } else notifyError(error);
    }
  };

  return (
    <>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={importer.isPending} data-testid="catalog-import">
          导入
        </Button>
      </Upload>
      <Modal
        open={!!outcome}
        title={outcome && 'ok' in outcome ? '导入完成' : '导入失败，未导入任何内容'}
        onCancel={() => setOutcome(undefined)}
        footer={<Button onClick={() => setOutcome(undefined)}>关闭</Button>}
        width={outcome && 'problems' in outcome ? 820 : 520}
      >
        {outcome && 'ok' in outcome && (
          <Descriptions column={1} bordered size="small" data-testid="import-result">
            <Descriptions.Item label="新增并发布">{outcome.ok.created.length} 项</Descriptions.Item>
            <Descriptions.Item label="修改并发布新版本">{outcome.ok.updated.length} 项</Descriptions.Item>
            <Descriptions.Item label="未变化">{outcome.ok.unchanged.length} 项</Descriptions.Item>
          </Descriptions>
        )}
        {outcome && 'problems' in outcome && (
          <>
            <Alert type="error" showIcon title={outcome.message} style={{ marginBottom: 12 }} />
            <Table<CatalogImportProblem>
              data-testid="import-problems"
              size="small"
              rowKey={(p) => `${p.sheet}-${p.row}-${p.reason}`}
              dataSource={outcome.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: '工作表', dataIndex: 'sheet', width: 80 },
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '错误原因', dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
