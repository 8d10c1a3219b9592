import { Alert, Button, Card, List, Space, Upload } from 'antd';
import { useState } from 'react';
import type { ImportResult } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useImportSheet } from '../api';
import { tr } from '../../../app/i18n';

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
    <Card
      title={tr('complaints.hotlineImportPage.import12345HotlineSheet')}
      extra={
        <a href="/api/complaints/hotline/template.xlsx">
          {tr('complaints.hotlineImportPage.downloadTemplate')}
        </a>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" message={tr('complaints.hotlineImportPage.columnsOrderNoType')} />
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            void upload(f);
            return false;
          }}
        >
          <Button type="primary" loading={imp.isPending} data-testid="import-upload">
            {tr('complaints.hotlineImportPage.chooseXlsxFile')}
          </Button>
        </Upload>
        {result && (
          <Alert
            type="success"
            data-testid="import-ok"
            message={tr('complaints.hotlineImportPage.importedWorkOrders', {
              imported: result.imported,
              v1: result.orderNos.join('、'),
            })}
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
                    {tr('complaints.hotlineImportPage.row')} {r.row} {tr('complaints.hotlineImportPage.text')}
                    {r.reasons.join('；')}
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
