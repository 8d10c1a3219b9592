import { useEffect, useState } from 'react';
import { Alert, Modal, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useImportSheet } from '../api';
import { tr } from '../../../app/i18n';

type Problem = { message: string; rows: string[] };

function rowsOf(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    const { row, reason } = (d ?? {}) as { row?: unknown; reason?: unknown };
    if (typeof reason !== 'string') return [];
    return [typeof row === 'number' && row > 0 ? tr('ledger.sheetImportModal.row', { row, reason }) : reason];
  });
}

/** 从 .xlsx 导入 the 整改台账 layout into an inspection: all or nothing, every bad row listed. */
export function SheetImportModal({
  inspectionId,
  onClose,
}: {
  inspectionId: string | undefined;
  onClose: () => void;
}) {
  const importSheet = useImportSheet();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    if (inspectionId) setProblem(undefined);
  }, [inspectionId]);

  const onFile = async (file: File) => {
    if (!inspectionId) return;
    setProblem(undefined);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setProblem({ message: tr('ledger.sheetImportModal.onlyXlsxLedgersAre'), rows: [] });
      return;
    }
    try {
      const r = await importSheet.mutateAsync({ inspectionId, file });
      notifySuccess(
        tr('ledger.sheetImportModal.importedProblemsMeasures', {
          findings: r.findings,
          measures: r.measures,
        }),
      );
      onClose();
    } catch (e) {
      setProblem(
        e instanceof ApiError
          ? { message: e.message, rows: rowsOf(e.details) }
          : { message: tr('ledger.sheetImportModal.importFailedPleaseTry'), rows: [] },
      );
    }
  };

  return (
    <Modal
      open={!!inspectionId}
      title={tr('ledger.sheetImportModal.importTheLedgerFrom')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {tr('ledger.sheetImportModal.theSheetHasThe')}
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        disabled={importSheet.isPending}
        beforeUpload={(file) => {
          void onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {importSheet.isPending
            ? tr('ledger.sheetImportModal.importing')
            : tr('ledger.sheetImportModal.clickOrDropAn')}
        </p>
      </Upload.Dragger>
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="sheet-import-error"
          title={
            problem.rows.length > 0
              ? tr('ledger.sheetImportModal.theSheetHasErrors', { length: problem.rows.length })
              : problem.message
          }
          description={
            problem.rows.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflow: 'auto' }}>
                {problem.rows.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}
