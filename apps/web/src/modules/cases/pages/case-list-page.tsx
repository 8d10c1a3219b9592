import { useState } from 'react';
import { Card, Input, Select, Space, Typography } from 'antd';
import { CASE_STATUS_LABELS, type CaseStatus, type ClockState } from '@tongban/contracts';
import { useDepartments } from '../../org';
import { useCases, type CaseFilters } from '../api';
import { CLOCK_TAGS } from '../components/case-tags';
import { CaseTable } from '../components/case-table';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

const STATUSES = (Object.keys(CASE_STATUS_LABELS) as CaseStatus[]).filter((s) => s !== 'draft');

/** 办件列表: every case in the user's scope with its clock (电子监察: 正常/预警/超期/暂停). */
export function CaseListPage() {
  const [filters, setFilters] = useState<CaseFilters>({});
  const cases = useCases(filters);
  const departments = useDepartments();
  const set = (patch: Partial<CaseFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Card
      data-testid="case-list-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('cases.caseListPage.cases')}
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={tr('cases.caseListPage.caseNoApplicantOr')}
          style={{ width: 260 }}
          onSearch={(q) => set({ q: q || undefined })}
          data-testid="case-filter-q"
        />
        <Select
          allowClear
          placeholder={tr('cases.caseListPage.caseStatus')}
          style={{ width: 160 }}
          options={STATUSES.map((s) => ({ value: s, label: labelsOf(CASE_STATUS_LABELS)[s] }))}
          onChange={(status?: CaseStatus) => set({ status })}
          data-testid="case-filter-status"
        />
        <Select
          allowClear
          placeholder={tr('cases.caseListPage.department')}
          style={{ width: 220 }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(departmentId?: string) => set({ departmentId })}
          data-testid="case-filter-department"
        />
        <Select
          allowClear
          placeholder={tr('cases.caseListPage.timeLimit')}
          style={{ width: 140 }}
          options={(Object.keys(CLOCK_TAGS) as ClockState[]).map((k) => ({
            value: k,
            label: CLOCK_TAGS[k].label,
          }))}
          onChange={(clock?: ClockState) => set({ clock })}
          data-testid="case-filter-clock"
        />
      </Space>
      <CaseTable rows={cases.data?.items ?? []} loading={cases.isLoading} />
    </Card>
  );
}
