import { Alert, Button, Card, List, Space, Upload } from 'antd';
import { useState } from 'react';
import type { ImportResult } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useImportSheet } from '../api';

type RowError = { row: number; reasons: string[] };

/** 12345 daily sheet: any bad row imports nothing; every bad row is listed with its reasons. */
export function HotlineImportPage() {
  const imp = useImportSheet();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<{ message: string; rows: RowError[] } | null>(null);
  async function upload(file: File) {
    setResult(null);
    setErrors(null);
    try {
      setResult(await imp.mutateAsync(file));
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { rows?: RowError[] } | undefined) : undefined;
      setErrors({ message: (e as Error).message, rows: details?.rows ?? [] });
    }
  }
  return (
    <Card title="导入 12345 工单表" extra={<a href="/api/complaints/hotline/template.xlsx">下载模板</a>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="info"
          message="列：工单编号、诉求类型、标题、诉求内容、姓名、电话、是否匿名、地址、反映对象。表中有任何错误行则整表不导入。"
        />
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button type="primary" loading={imp.isPending} data-testid="import-upload">
            选择 .xlsx 文件
          </Button>
        </Upload>
        {result && (
          <Alert
            type="success"
            data-testid="import-ok"
            message={`已导入 ${result.imported} 张工单：${result.orderNos.join('、')}`}
          />
        )}
        {errors && (
          <Alert
            type="error"
            data-testid="import-errors"
            message={errors.message}
            description={
              <List
                size="small"
                dataSource={errors.rows}
                renderItem={(r) => (
                  <List.Item>
                    第 {r.row} 行：{r.reasons.join('；')}
                  </List.Item>
                )}
              />
            }
          />
        )}
      </Space>
    </Card>
  );
}
