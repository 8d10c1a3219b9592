import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import type { CaseNotice } from '@tongban/contracts';
import { uploadSupplement } from '../api';
import { tr } from '../../../app/i18n';

type Wanted = { name: string; note: string };

/** The materials a 一次性告知补正 notice asks for (its printed list). */
export function wantedOf(notice: CaseNotice): Wanted[] {
  const list = (notice.content as { list?: unknown }).list;
  return Array.isArray(list)
    ? list
        .map((x: { name?: unknown; note?: unknown }) => ({
          name: String(x.name ?? ''),
          note: String(x.note ?? ''),
        }))
        .filter((x) => x.name)
    : [];
}

/**
 * 网上补正 (issue 14, point 3): the applicant answers the notice with every file it asks for, at once;
 * the case then records the supplement and its clock resumes — no trip to the window (零跑动).
 */
export function SupplementUpload({
  caseNo,
  queryCode,
  notice,
  onDone,
}: {
  caseNo: string;
  queryCode: string;
  notice: CaseNotice;
  onDone: () => void;
}) {
  const wanted = wantedOf(notice);
  const [files, setFiles] = useState<Record<string, File>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const lacking = wanted.filter((w) => !files[w.name]);

  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await uploadSupplement(
        caseNo,
        queryCode,
        wanted.map((w) => ({ materialName: w.name, file: files[w.name]! })),
      );
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : tr('cases.supplementUpload.uploadIncompletePleaseRetry'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      type="inner"
      title={
        <Space>
          <CloudUploadOutlined />
          {tr('cases.supplementUpload.supplyCorrectionsOnline')}
          {notice.noticeNo}）
        </Space>
      }
      data-testid="track-supplement"
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph type="secondary">
        {tr('cases.supplementUpload.uploadEveryMaterialThe')}
      </Typography.Paragraph>
      <Table<Wanted>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={wanted}
        columns={[
          { title: tr('cases.supplementUpload.material'), dataIndex: 'name' },
          { title: tr('cases.supplementUpload.whyItMustBe'), dataIndex: 'note' },
          {
            title: tr('cases.supplementUpload.files'),
            key: 'file',
            width: 280,
            render: (_, w) => (
              <Space>
                <Upload
                  accept=".pdf,.png,.jpg,.jpeg"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    setFiles((f) => ({ ...f, [w.name]: file }));
                    return false;
                  }}
                >
                  <Button
                    size="small"
                    icon={<UploadOutlined />}
                    data-testid={`track-supplement-file-${w.name}`}
                  >
                    {tr('cases.supplementUpload.chooseFile')}
                  </Button>
                </Upload>
                {files[w.name] && <span data-testid="track-supplement-chosen">{files[w.name]!.name}</span>}
              </Space>
            ),
          },
        ]}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginTop: 12 }}
          data-testid="track-supplement-error"
        />
      )}
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={busy}
        disabled={lacking.length > 0}
        onClick={() => void send()}
        data-testid="track-supplement-submit"
      >
        {tr('cases.supplementUpload.submitCorrections')}
      </Button>
    </Card>
  );
}
