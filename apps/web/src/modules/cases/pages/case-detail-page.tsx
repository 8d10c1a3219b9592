import { Link, useParams } from 'react-router';
import { Alert, Card, Col, Descriptions, Result, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { DELIVERY_METHOD_LABELS, type CaseDetail } from '@tongban/contracts';
import { ApiError } from '../../../app/api-client';
import { useCurrentUser } from '../../../app/auth-context';
import { useCase } from '../api';
import { CaseActionBar } from '../components/case-actions';
import { CaseTimeline } from '../components/case-events';
import {
  ClockTag,
  StatusTag,
  VisitsText,
  channelLabel,
  clockTooltip,
  ProvisionalTag,
  formatTime,
} from '../components/case-tags';
import { IntakeDecision, MaterialsTable } from '../components/intake-decision';
import { NoticeList } from '../components/notice-list';
import { useIntakeItem } from '../components/item-picker';

/** Where the case stands in 受理 → back-office steps → 办结, for the Steps bar. */
function stepsOf(c: CaseDetail) {
  const items = ['受理', ...c.steps, '办结'].map((title) => ({ title }));
  let current = 0;
  if (c.status === 'accepted') current = 1 + c.stepIndex;
  else if (c.status === 'decided' || c.status === 'delivered') current = items.length - 1;
  const status: 'error' | 'finish' | 'process' =
    c.status === 'refused' || c.outcome === 'deny'
      ? 'error'
      : c.status === 'delivered'
        ? 'finish'
        : 'process';
  return { items, current, status };
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const q = useCase(id);
  const c = q.data;
  const item = useIntakeItem(c?.itemVersionId);
  if (q.isLoading) return <Spin size="large" style={{ display: 'block', margin: 80 }} />;
  if (!c)
    return (
      <Result
        status="404"
        title={q.error instanceof ApiError ? q.error.message : '办件不存在'}
        data-testid="case-error"
      />
    );
  const steps = stepsOf(c);
  // 即办件: one authorised window clerk receives and decides on the spot, so 受理 and 决定 share a signer.
  const instant = c.events.some((e) => e.type === 'decided' && e.payload['instant'] === true);
  const signerOf = (i: number) => {
    const uid = c.signers[String(i)];
    return uid ? (c.events.find((e) => e.actorId === uid)?.actorName ?? '') : '';
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-detail-page">
      <Card
        title={
          <Space>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-no">
              {c.caseNo}
            </Typography.Title>
            <StatusTag status={c.status} />
            {c.suspended && <Tag>中止中</Tag>}
            {c.extensionStatus === 'requested' && <Tag color="orange">延期待批</Tag>}
            {c.extensionStatus === 'approved' && <Tag color="blue">已延期</Tag>}
          </Space>
        }
        extra={<Link to="/cases">返回办件列表</Link>}
      >
        <Steps
          size="small"
          current={steps.current}
          status={steps.status}
          items={steps.items}
          style={{ marginBottom: 20 }}
        />
        <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
          <Descriptions.Item label="事项">{c.itemName}</Descriptions.Item>
          <Descriptions.Item label="承办部门">{c.departmentName}</Descriptions.Item>
          <Descriptions.Item label="渠道">{channelLabel(c.channel)}</Descriptions.Item>
          <Descriptions.Item label="申请人">
            {c.applicant.name}（{c.applicant.kind === 'person' ? '自然人' : '法人'}）
            <div style={{ fontSize: 12, color: '#6b7280' }}>
              {c.applicant.idNumberMasked} · {c.applicant.phoneMasked}
            </div>
          </Descriptions.Item>
          <Descriptions.Item label="代办人">{c.agentName ?? '无'}</Descriptions.Item>
          <Descriptions.Item label="本办件联系人">
            <span data-testid="case-contact">
              {c.contact ? `${c.contact.name} · ${c.contact.phoneMasked}` : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="查询码（申请人网上查询用，印在通知书上）">
            <Typography.Text copyable={!!c.queryCode} code data-testid="case-query-code">
              {c.queryCode ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="收件时间">{formatTime(c.receivedAt)}</Descriptions.Item>
          <Descriptions.Item label="当前环节">
            {c.status === 'accepted' ? (c.stepName ?? '—') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="时限">
            <Space orientation="vertical" size={2}>
              <ClockTag clock={c.clock} />
              {c.clock && c.clock.phase !== 'done' && (
                <span style={{ fontSize: 12 }} data-testid="case-deadline" data-deadline={c.clock.deadline}>
                  {clockTooltip(c.clock)}
                </span>
              )}
              {c.clock && c.clock.phase !== 'done' && <ProvisionalTag clock={c.clock} />}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="到现场次数">
            <VisitsText visits={c.visits} maxVisits={c.maxVisits} />
          </Descriptions.Item>
        </Descriptions>
        {c.clock?.deemedAccepted && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title="收到材料后 5 个工作日内未告知补正，依法自收到材料之日起视为受理"
          />
        )}
        {c.deferredOutstanding.length > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            data-testid="deferred-outstanding"
            title={`容缺材料待补齐：${c.deferredOutstanding.join('、')}（补齐前不能作出决定）`}
          />
        )}
        <div style={{ marginTop: 16 }}>
          {c.status === 'submitted' || c.status === 'supplement_requested' ? (
            user.role === 'clerk' ? (
              <IntakeDecision
                detail={c}
                user={user}
                instant={item.data?.handling === 'instant'}
                itemDepartmentId={c.departmentId}
              />
            ) : null
          ) : (
            <CaseActionBar detail={c} />
          )}
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="申请材料" size="small">
              <MaterialsTable materials={c.materials} />
            </Card>
            <Card
              title={instant ? '办理环节与签署人' : '办理环节与签署人（同一人不得签署两个环节）'}
              size="small"
              data-testid="case-signers"
            >
              {instant && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  data-testid="case-instant-note"
                  title="即办件：由经授权的窗口人员当场受理并办结"
                  description="受理与决定均由该窗口人员当场签署。即办件不分环节审批，不适用分环节由不同人员签署的要求，不属违规。"
                />
              )}
              <Descriptions column={1} size="small">
                <Descriptions.Item label="受理">{signerOf(-1) || '—'}</Descriptions.Item>
                {c.steps.map((s, i) => (
                  <Descriptions.Item key={s} label={s}>
                    <span data-testid={`signer-${i}`}>{signerOf(i) || '—'}</span>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            {c.license && (
              <Card title="电子证照" size="small" data-testid="case-license">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label="证照">{c.license.typeName}</Descriptions.Item>
                  <Descriptions.Item label="证照标识">
                    <Typography.Text copyable data-testid="license-id">
                      {c.license.id}
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label="有效期">
                    {c.license.validFrom} 至 {c.license.validUntil ?? '长期'}
                  </Descriptions.Item>
                  <Descriptions.Item label="核验">
                    <Space>
                      <Link to={`/verify/${encodeURIComponent(c.license.verifyToken)}`} target="_blank">
                        公开核验页
                      </Link>
                      <Link
                        to={`/verify/${encodeURIComponent(c.license.verifyToken)}/certificate`}
                        target="_blank"
                      >
                        打印证照
                      </Link>
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            )}
            {(c.delivery || c.deliveredAt) && (
              <Card title="出件" size="small" data-testid="case-delivery">
                <Descriptions column={1} size="small">
                  {c.delivery && (
                    <Descriptions.Item label="送达方式">
                      {DELIVERY_METHOD_LABELS[c.delivery.method]}
                      {c.delivery.trackingNo ? `（快递单号 ${c.delivery.trackingNo}）` : ''}
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label="出件时间">{formatTime(c.deliveredAt)}</Descriptions.Item>
                </Descriptions>
              </Card>
            )}
            <Card title="通知书" size="small">
              <NoticeList caseId={c.id} notices={c.notices} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="办理过程" size="small">
            <CaseTimeline events={c.events} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
