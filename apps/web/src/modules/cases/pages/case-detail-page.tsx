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
import { tr } from '../../../app/i18n';
import { labelsOf, stepLabel } from '../../../app/enum-labels';

/** Where the case stands in 受理 → back-office steps → 办结, for the Steps bar. */
function stepsOf(c: CaseDetail) {
  const items = [
    tr('cases.caseDetailPage.accept'),
    ...c.steps.map(stepLabel),
    tr('cases.caseDetailPage.concluded'),
  ].map((title) => ({ title }));
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
        title={q.error instanceof ApiError ? q.error.message : tr('cases.caseDetailPage.caseNotFound')}
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
            {c.suspended && <Tag>{tr('cases.caseDetailPage.suspended')}</Tag>}
            {c.extensionStatus === 'requested' && (
              <Tag color="orange">{tr('cases.caseDetailPage.extensionPending')}</Tag>
            )}
            {c.extensionStatus === 'approved' && (
              <Tag color="blue">{tr('cases.caseDetailPage.extended')}</Tag>
            )}
          </Space>
        }
        extra={<Link to="/cases">{tr('cases.caseDetailPage.backToTheCase')}</Link>}
      >
        <Steps
          size="small"
          current={steps.current}
          status={steps.status}
          items={steps.items}
          style={{ marginBottom: 20 }}
        />
        <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
          <Descriptions.Item label={tr('cases.caseDetailPage.item')}>{c.itemName}</Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.department')}>
            {c.departmentName}
          </Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.channel')}>
            {channelLabel(c.channel)}
          </Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.applicant')}>
            {c.applicant.name}（
            {c.applicant.kind === 'person'
              ? tr('cases.caseDetailPage.naturalPerson')
              : tr('cases.caseDetailPage.legalPerson')}
            ）
            <div style={{ fontSize: 12, color: '#6b7280' }}>
              {c.applicant.idNumberMasked} · {c.applicant.phoneMasked}
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.agent')}>
            {c.agentName ?? tr('cases.caseDetailPage.none')}
          </Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.contactForThisCase')}>
            <span data-testid="case-contact">
              {c.contact ? `${c.contact.name} · ${c.contact.phoneMasked}` : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.queryCodeForThe')}>
            <Typography.Text copyable={!!c.queryCode} code data-testid="case-query-code">
              {c.queryCode ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.receivedAt')}>
            {formatTime(c.receivedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.currentStep')}>
            {c.status === 'accepted' ? (c.stepName ? stepLabel(c.stepName) : '—') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={tr('cases.caseDetailPage.timeLimit')}>
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
          <Descriptions.Item label={tr('cases.caseDetailPage.visits')}>
            <VisitsText visits={c.visits} maxVisits={c.maxVisits} />
          </Descriptions.Item>
        </Descriptions>
        {c.clock?.deemedAccepted && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={tr('cases.caseDetailPage.noCorrectionsWereRequested')}
          />
        )}
        {c.deferredOutstanding.length > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            data-testid="deferred-outstanding"
            title={tr('cases.caseDetailPage.deferredMaterialsOutstandingNo', {
              v0: c.deferredOutstanding.join('、'),
            })}
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
            <Card title={tr('cases.caseDetailPage.materials')} size="small">
              <MaterialsTable materials={c.materials} />
            </Card>
            <Card
              title={
                instant
                  ? tr('cases.caseDetailPage.stepsAndSigners')
                  : tr('cases.caseDetailPage.stepsAndSignersOne')
              }
              size="small"
              data-testid="case-signers"
            >
              {instant && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  data-testid="case-instant-note"
                  title={tr('cases.caseDetailPage.immediateItemAcceptedAnd')}
                  description={tr('cases.caseDetailPage.theClerkSignsBoth')}
                />
              )}
              <Descriptions column={1} size="small">
                <Descriptions.Item label={tr('cases.caseDetailPage.accept')}>
                  {signerOf(-1) || '—'}
                </Descriptions.Item>
                {c.steps.map((s, i) => (
                  <Descriptions.Item key={s} label={stepLabel(s)}>
                    <span data-testid={`signer-${i}`}>{signerOf(i) || '—'}</span>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            {c.license && (
              <Card title={tr('cases.caseDetailPage.eLicense')} size="small" data-testid="case-license">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={tr('cases.caseDetailPage.license')}>
                    {c.license.typeName}
                  </Descriptions.Item>
                  <Descriptions.Item label={tr('cases.caseDetailPage.licenseId')}>
                    <Typography.Text copyable data-testid="license-id">
                      {c.license.id}
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={tr('cases.caseDetailPage.valid')}>
                    {c.license.validFrom} {tr('cases.caseDetailPage.to')}{' '}
                    {c.license.validUntil ?? tr('cases.caseDetailPage.indefinitely')}
                  </Descriptions.Item>
                  <Descriptions.Item label={tr('cases.caseDetailPage.verify')}>
                    <Space>
                      <Link to={`/verify/${encodeURIComponent(c.license.verifyToken)}`} target="_blank">
                        {tr('cases.caseDetailPage.publicVerificationPage')}
                      </Link>
                      <Link
                        to={`/verify/${encodeURIComponent(c.license.verifyToken)}/certificate`}
                        target="_blank"
                      >
                        {tr('cases.caseDetailPage.printLicense')}
                      </Link>
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            )}
            {(c.delivery || c.deliveredAt) && (
              <Card title={tr('cases.caseDetailPage.delivery')} size="small" data-testid="case-delivery">
                <Descriptions column={1} size="small">
                  {c.delivery && (
                    <Descriptions.Item label={tr('cases.caseDetailPage.deliveryMethod')}>
                      {labelsOf(DELIVERY_METHOD_LABELS)[c.delivery.method]}
                      {c.delivery.trackingNo
                        ? tr('cases.caseDetailPage.trackingNumber', { trackingNo: c.delivery.trackingNo })
                        : ''}
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={tr('cases.caseDetailPage.deliveredAt')}>
                    {formatTime(c.deliveredAt)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            )}
            <Card title={tr('cases.caseDetailPage.notices')} size="small">
              <NoticeList caseId={c.id} notices={c.notices} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={tr('cases.caseDetailPage.history')} size="small">
            <CaseTimeline events={c.events} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
