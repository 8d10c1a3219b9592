import { CatalogErrorCode } from '@tongban/contracts';
import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { CatalogImportProblem } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { notifyError } from '../../../app/notify';
import { useImportCatalog, type ImportProblems, type ImportResult } from '../api';
import { tr } from '../../../app/i18n';

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
      if (error instanceof ApiError && error.code === CatalogErrorCode.IMPORT_INVALID) {
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
          {tr('catalog.importButton.import')}
        </Button>
      </Upload>
      <Modal
        open={!!outcome}
        title={
          outcome && 'ok' in outcome
            ? tr('catalog.importButton.importDone')
            : tr('catalog.importButton.importFailedNothingWas')
        }
        onCancel={() => setOutcome(undefined)}
        footer={<Button onClick={() => setOutcome(undefined)}>{tr('catalog.importButton.close')}</Button>}
        width={outcome && 'problems' in outcome ? 820 : 520}
      >
        {outcome && 'ok' in outcome && (
          <Descriptions column={1} bordered size="small" data-testid="import-result">
            <Descriptions.Item label={tr('catalog.importButton.addedAndPublished')}>
              {outcome.ok.created.length} {tr('catalog.importButton.items')}
            </Descriptions.Item>
            <Descriptions.Item label={tr('catalog.importButton.changedNewVersionPublished')}>
              {outcome.ok.updated.length} {tr('catalog.importButton.items')}
            </Descriptions.Item>
            <Descriptions.Item label={tr('catalog.importButton.unchanged')}>
              {outcome.ok.unchanged.length} {tr('catalog.importButton.items')}
            </Descriptions.Item>
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
                { title: tr('catalog.importButton.sheet'), dataIndex: 'sheet', width: 80 },
                { title: tr('catalog.importButton.row'), dataIndex: 'row', width: 70 },
                { title: tr('catalog.importButton.error'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
