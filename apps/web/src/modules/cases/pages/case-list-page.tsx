import { useState } from 'react';
import { Card, Input, Select, Space, Typography } from 'antd';
import { CASE_STATUS_LABELS, type CaseStatus, type ClockState } from '@tongban/contracts';
import { useDepartments } from '../../org';
import { useCases, type CaseFilters } from '../api';
import { CLOCK_TAGS } from '../components/case-tags';
import { CaseTable } from '../components/case-table';

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
          办件列表
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="办件编号、申请人或事项"
          style={{ width: 260 }}
          onSearch={(q) => set({ q: q || undefined })}
          data-testid="case-filter-q"
        />
        <Select
          allowClear
          placeholder="办件状态"
          style={{ width: 160 }}
          options={STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
          onChange={(status?: CaseStatus) => set({ status })}
          data-testid="case-filter-status"
        />
        <Select
          allowClear
          placeholder="承办部门"
          style={{ width: 220 }}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(departmentId?: string) => set({ departmentId })}
          data-testid="case-filter-department"
        />
        <Select
          allowClear
          placeholder="时限状态"
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
