import { useState } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useOverdue } from '../api';
import { CaseTable } from '../components/case-table';

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
          超期办件
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
                suffix="件"
                styles={{ content: { color: '#cf1322' } }}
              />
            </Card>
          </Col>
        ))}
        {departments.length === 0 && !all.isLoading && (
          <Col span={24}>
            <Typography.Text type="secondary">没有超期办件。</Typography.Text>
          </Col>
        )}
      </Row>
      <CaseTable rows={shown.data?.items ?? []} loading={shown.isLoading} empty="没有超期办件" />
    </Card>
  );
}
