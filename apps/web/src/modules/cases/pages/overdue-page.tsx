import { useState } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useOverdue } from '../api';
import { CaseTable } from '../components/case-table';
import { tr } from '../../../app/i18n';

/** 超期办件: red cases, counted per department; a department card filters the list. */
export function OverduePage() {
  const [departmentId, setDepartmentId] = useState<string>();
  const all = useOverdue();
  const shown = useOverdue(departmentId);
  const departments = all.data?.departments ?? [];
  return (
    <Card
      data-testid="overdue-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('cases.overduePage.overdueCases')}
        </Typography.Title>
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {departments.map((d) => (
          <Col key={d.departmentId} xs={12} md={6}>
            <Card
              size="small"
              hoverable
              onClick={() => setDepartmentId((cur) => (cur === d.departmentId ? undefined : d.departmentId))}
              style={departmentId === d.departmentId ? { borderColor: '#cf1322' } : undefined}
              data-testid="overdue-department"
            >
              <Statistic
                title={d.departmentName}
                value={d.cases}
                suffix={tr('cases.overduePage.cases')}
                styles={{ content: { color: '#cf1322' } }}
              />
            </Card>
          </Col>
        ))}
        {departments.length === 0 && !all.isLoading && (
          <Col span={24}>
            <Typography.Text type="secondary">{tr('cases.overduePage.noOverdueCases')}</Typography.Text>
          </Col>
        )}
      </Row>
      <CaseTable
        rows={shown.data?.items ?? []}
        loading={shown.isLoading}
        empty={tr('cases.overduePage.noOverdueCases2')}
      />
    </Card>
  );
}
