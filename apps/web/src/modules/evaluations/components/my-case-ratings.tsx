import { useState } from 'react';
import { Button, Card, Col, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CaseRatingPanel } from './case-rating-panel';

/** A case of the applicant's home, as much as rating needs. */
type RateableCase = { caseNo: string; queryCode: string; itemName: string; status: string };

/** The statuses of a concluded case (办结: decided, or decided and delivered): only these are rated. */
const CONCLUDED = new Set(['decided', 'delivered']);

/**
 * 一事一评 on the applicant's home: each concluded case of theirs with a 评价 button opening the same
 * panel as the tracking page (which answers "already rated" when it was). Nothing when none concluded.
 */
export function MyCaseRatings({ cases }: { cases: readonly RateableCase[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<RateableCase>();
  const concluded = cases.filter((c) => CONCLUDED.has(c.status));
  if (concluded.length === 0) return null;
  return (
    <Col span={24}>
      <Card title={t('evaluations.case.homeTitle')} data-testid="my-case-ratings">
        <Typography.Paragraph type="secondary">{t('evaluations.case.homeHint')}</Typography.Paragraph>
        <List
          dataSource={concluded}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="rate" size="small" onClick={() => setOpen(c)} data-testid="my-case-rate">
                  {t('evaluations.case.rate')}
                </Button>,
              ]}
            >
              <Typography.Text>
                {c.caseNo} {c.itemName}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={!!open}
        footer={null}
        width={860}
        destroyOnHidden
        onCancel={() => setOpen(undefined)}
        title={open ? `${open.caseNo} ${open.itemName}` : ''}
      >
        {open && <CaseRatingPanel caseNo={open.caseNo} queryCode={open.queryCode} />}
      </Modal>
    </Col>
  );
}
