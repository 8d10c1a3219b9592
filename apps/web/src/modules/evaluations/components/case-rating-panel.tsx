import { useState } from 'react';
import { Alert, Card, Result } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ONLINE_INDICATORS } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { submitCaseRating, useCaseRatingStatus } from '../api';
import { RatingForm } from './rating-form';

const INDICATORS = ONLINE_INDICATORS.filter((k) => k !== 'overall');

/**
 * 一事一评 online, mounted where the applicant sees a case (the tracking page, the applicant's home):
 * once the case is concluded and not yet rated, the five levels and the online indicators; after
 * rating, a thank-you; nothing while the case is still being handled.
 */
export function CaseRatingPanel({ caseNo, queryCode }: { caseNo: string; queryCode: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const status = useCaseRatingStatus(caseNo, queryCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  if (!status.data?.concluded) return null;
  return (
    <Card title={t('evaluations.case.title')} data-testid="case-rating">
      {done || status.data.rated ? (
        <Result
          status="success"
          title={done ? t('evaluations.rate.thanks') : t('evaluations.case.rated')}
          subTitle={done ? t('evaluations.rate.thanksSub') : undefined}
          data-testid="case-rating-done"
        />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('evaluations.case.prompt', {
              item: status.data.itemName,
              department: status.data.departmentName,
            })}
          />
          <RatingForm
            indicators={INDICATORS}
            busy={busy}
            onSubmit={(v) => {
              setBusy(true);
              setError(undefined);
              submitCaseRating({ caseNo, queryCode, ...v })
                .then(() => {
                  setDone(true);
                  void qc.invalidateQueries({ queryKey: ['eval-case-status', caseNo, queryCode] });
                })
                .catch((e: unknown) =>
                  setError(e instanceof ApiError ? e.message : t('evaluations.rate.failed')),
                )
                .finally(() => setBusy(false));
            }}
          />
          {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
        </>
      )}
    </Card>
  );
}
