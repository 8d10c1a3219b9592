import { useParams } from 'react-router';
import { Card, Col, Row, Spin, Statistic, Typography } from 'antd';
import { usePublicFigures } from '../api';
import { FigureTable, pct } from '../components/figure-table';

/** 好差评公开 (as provinces publish): the hall's figures by department, no sign-in. */
export function PublicFiguresPage() {
  const { regionCode = '350999' } = useParams();
  const f = usePublicFigures(regionCode);
  if (!f.data) return <Spin style={{ display: 'block', margin: '30vh auto' }} />;
  const t = f.data.total;
  return (
    <Card style={{ maxWidth: 1100, margin: '24px auto' }} data-testid="public-figures">
      <Typography.Title level={3}>政务服务“好差评”情况公开</Typography.Title>
      <Typography.Paragraph type="secondary">
        统计期：{f.data.from} 至 {f.data.to}。数据由评价记录自动计算，申诉成立的评价不计入。
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title="评价总数" value={t.ratings} />
        </Col>
        <Col span={6}>
          <Statistic title="好评率" value={pct(t.goodRate)} data-testid="public-good-rate" />
        </Col>
        <Col span={6}>
          <Statistic title="差评整改率" value={pct(t.rectifyRate)} />
        </Col>
        <Col span={6}>
          <Statistic title="主动评价率" value={pct(t.activeRate)} />
        </Col>
      </Row>
      <FigureTable rows={f.data.departments} total={t} />
    </Card>
  );
}
