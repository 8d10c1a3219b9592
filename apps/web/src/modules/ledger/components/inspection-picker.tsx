import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { Select } from 'antd';
import { LEDGER_INSPECTION_KIND_LABELS } from '@tongban/contracts';
import { useInspections, type InspectionSummary } from '../api';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

export const inspectionName = (i: Pick<InspectionSummary, 'team' | 'kind' | 'inspectedUnit'>) =>
  `${i.team}${labelsOf(LEDGER_INSPECTION_KIND_LABELS)[i.kind]}${i.inspectedUnit}`;

/**
 * The inspection a ledger screen shows: `?inspection=` in the address (so a link or reload keeps
 * it), else the most recent one.
 */
export function useChosenInspection() {
  const inspections = useInspections();
  const [params, setParams] = useSearchParams();
  const asked = params.get('inspection') ?? undefined;
  const list = inspections.data ?? [];
  const chosen = list.find((i) => i.id === asked) ?? list[0];
  const choose = useCallback(
    (id: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('inspection', id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { inspections, chosen, choose };
}

export function InspectionSelect({
  list,
  value,
  onChange,
  loading,
}: {
  list: InspectionSummary[];
  value: string | undefined;
  onChange: (id: string) => void;
  loading?: boolean;
}) {
  return (
    <Select
      data-testid="inspection-select"
      style={{ minWidth: 420, maxWidth: '100%' }}
      placeholder={tr('ledger.inspectionPicker.pleaseChooseAnInspection')}
      loading={loading}
      value={value}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      options={list.map((i) => ({
        value: i.id,
        label: `${inspectionName(i)}${i.feedbackDate ? tr('ledger.inspectionPicker.feedback', { feedbackDate: i.feedbackDate }) : ''}`,
      }))}
    />
  );
}
