import { useEffect, useState } from 'react';
import { Alert, Modal, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../../../app/api-client';
import { notifySuccess } from '../../../app/notify';
import { useImportSheet } from '../api';

type Problem = { message: string; rows: string[] };

function rowsOf(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    const { row, reason } = (d ?? {}) as { row?: unknown; reason?: unknown };
    if (typeof reason !== 'string') return [];
    return [typeof row === 'number' && row > 0 ? `第 ${row} 行：${reason}` : reason];
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
      setProblem({ message: '只支持 .xlsx 格式的整改台账；.xls 请先另存为 .xlsx', rows: [] });
      return;
    }
    try {
      const r = await importSheet.mutateAsync({ inspectionId, file });
      notifySuccess(`已导入：问题 ${r.findings} 个、整改措施 ${r.measures} 项`);
      onClose();
    } catch (e) {
      setProblem(
        e instanceof ApiError
          ? { message: e.message, rows: rowsOf(e.details) }
          : { message: '导入失败，请稍后再试', rows: [] },
      );
    }
  };

  return (
    <Modal
      open={!!inspectionId}
      title="从 .xlsx 导入整改台账"
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">
        表格格式与“导出
        .xlsx”一致（序号、问题、整改措施、责任领导、责任部门、责任人、完成时限）。问题追加在本次巡察已有问题之后；整改进展和状态不导入。有任何错误行则全部不导入。
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
        <p className="ant-upload-text">{importSheet.isPending ? '正在导入……' : '点击或拖入 .xlsx 文件'}</p>
      </Upload.Dragger>
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="sheet-import-error"
          title={
            problem.rows.length > 0 ? `表格有 ${problem.rows.length} 处错误，未导入任何内容` : problem.message
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
