import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  HANDLING_LABELS,
  MATERIAL_FORM_LABELS,
  type Applicant,
  type CaseCreateInput,
  type CaseDetail,
  type CaseIntakeDecision,
  type CaseMaterial,
  type CatalogMaterial,
  type CatalogPublicHit,
} from '@tongban/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../../../app/auth-context';
import { casesKeys, createCase, previewIntake, useCase } from '../api';
import { ApplicantPicker } from '../components/applicant-form';
import { IntakeDecision, MaterialsTable } from '../components/intake-decision';
import { ItemPicker, useIntakeItem } from '../components/item-picker';
import { NoticeList } from '../components/notice-list';
import { StatusTag } from '../components/case-tags';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';

type Given = 'provided' | 'missing' | 'not_applicable' | 'auto';

/** What the window marks for each material; 免提交 ones default to the e-license. */
const defaultGiven = (m: CatalogMaterial): Given =>
  m.licenseTypeCode ? 'auto' : m.requirement === 'required' ? 'provided' : 'not_applicable';

/**
 * 窗口受理: item (pinyin search) → applicant and agent → materials → decision → notice.
 * Issue 14 point 7: nothing is created until the clerk confirms a decision; 核对 only previews the
 * materials (免提交 resolved against the applicant's e-licenses), 返回修改 goes back to them, and an
 * abandoned intake leaves no case. The decision carries one Idempotency-Key per form, so a double
 * click makes one case.
 */
export function IntakePage() {
  const user = useCurrentUser();
  const qc = useQueryClient();
  const [hit, setHit] = useState<CatalogPublicHit>();
  const item = useIntakeItem(hit?.versionId);
  const [applicant, setApplicant] = useState<Applicant>();
  const [withAgent, setWithAgent] = useState(false);
  const [agent, setAgent] = useState<Applicant>();
  const [given, setGiven] = useState<Record<string, Given>>({});
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [caseId, setCaseId] = useState<string>();
  const [preview, setPreview] = useState<CaseMaterial[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const created = useCase(caseId ?? '');

  const materials = useMemo(() => item.data?.materials ?? [], [item.data]);
  const statusOf = (m: CatalogMaterial) => given[m.name] ?? defaultGiven(m);

  const reset = () => {
    setHit(undefined);
    setApplicant(undefined);
    setAgent(undefined);
    setWithAgent(false);
    setGiven({});
    setCaseId(undefined);
    setPreview(undefined);
    setError(undefined);
    setKey(crypto.randomUUID());
  };

  const request = (): CaseCreateInput | undefined =>
    hit && applicant
      ? {
          itemId: hit.itemId,
          applicantId: applicant.id,
          agentId: withAgent && agent ? agent.id : null,
          channel: withAgent && agent ? 'agent' : 'window',
          materials: materials
            .filter((m) => statusOf(m) !== 'auto')
            .map((m) => ({ name: m.name, status: statusOf(m) as Exclude<Given, 'auto'> })),
        }
      : undefined;

  /** 核对: what the case would record, before anything is created. */
  const check = async () => {
    const input = request();
    if (!input) return;
    setBusy(true);
    setError(undefined);
    try {
      setPreview((await previewIntake(input)).materials);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  /** The clerk's decision files the case and decides it in one step (errors stay in the dialog). */
  const file = async (action: string, body: Record<string, unknown>) => {
    const input = request();
    if (!input) return;
    const decision = { action, body } as CaseIntakeDecision;
    const detail: CaseDetail = await createCase({ ...input, decision }, key);
    qc.setQueryData(casesKeys.detail(detail.id), detail);
    setCaseId(detail.id);
  };

  const c = created.data;
  const step = c
    ? c.status === 'submitted' || c.status === 'supplement_requested'
      ? 3
      : 4
    : preview
      ? 3
      : !hit
        ? 0
        : !applicant
          ? 1
          : 2;

  return (
    <Card
      data-testid="intake-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tr('cases.intakePage.windowIntake')}
        </Typography.Title>
      }
      extra={
        <Button onClick={reset} data-testid="intake-new">
          {tr('cases.intakePage.newIntake')}
        </Button>
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: tr('cases.intakePage.chooseItem') },
          { title: tr('cases.intakePage.applicant') },
          { title: tr('cases.intakePage.checkMaterials') },
          { title: tr('cases.intakePage.decision') },
          { title: tr('cases.intakePage.notices') },
        ]}
      />
      {!c && !preview && (
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          <section>
            <Typography.Title level={5}>{tr('cases.intakePage.n1ChooseTheItem')}</Typography.Title>
            <ItemPicker
              value={hit}
              onChange={(h) => (setHit(h), setGiven({}))}
              regionCode={user.regionCode}
            />
            {item.data && (
              <Descriptions size="small" column={4} style={{ marginTop: 12 }} data-testid="intake-item">
                <Descriptions.Item label={tr('cases.intakePage.department')}>
                  {item.data.departmentName}
                </Descriptions.Item>
                <Descriptions.Item label={tr('cases.intakePage.caseType')}>
                  {item.data.handling ? labelsOf(HANDLING_LABELS)[item.data.handling] : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={tr('cases.intakePage.promisedTimeLimit')}>
                  {item.data.promisedLimitDays ?? '—'} {tr('cases.intakePage.workingDaysLegalLimit')}{' '}
                  {item.data.legalLimitDays ?? '—'}）
                </Descriptions.Item>
                <Descriptions.Item label={tr('cases.intakePage.visit')}>
                  {item.data.maxVisits === 0
                    ? tr('cases.intakePage.zeroVisits')
                    : tr('cases.intakePage.atMostVisits', { v0: item.data.maxVisits ?? '—' })}
                </Descriptions.Item>
              </Descriptions>
            )}
          </section>
          {hit && (
            <section>
              <Typography.Title level={5}>{tr('cases.intakePage.n2Applicant')}</Typography.Title>
              <ApplicantPicker value={applicant} onChange={setApplicant} />
              <Checkbox
                checked={withAgent}
                onChange={(e) => setWithAgent(e.target.checked)}
                style={{ marginTop: 12 }}
                data-testid="intake-with-agent"
              >
                {tr('cases.intakePage.handledByAnAgent')}
              </Checkbox>
              {withAgent && (
                <div style={{ marginTop: 8 }}>
                  <ApplicantPicker value={agent} onChange={setAgent} personOnly testPrefix="agent" />
                </div>
              )}
            </section>
          )}
          {hit && applicant && item.data && (
            <section>
              <Typography.Title level={5}>{tr('cases.intakePage.n3CheckMaterials')}</Typography.Title>
              <Table<CatalogMaterial>
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={materials}
                data-testid="intake-materials"
                columns={[
                  {
                    title: tr('cases.intakePage.material'),
                    key: 'name',
                    render: (_, m) => (
                      <Space orientation="vertical" size={0}>
                        <span>{m.name}</span>
                        {m.condition && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {tr('cases.intakePage.appliesWhen')}
                            {m.condition}
                          </Typography.Text>
                        )}
                      </Space>
                    ),
                  },
                  {
                    title: tr('cases.intakePage.requirement'),
                    key: 'req',
                    width: 220,
                    render: (_, m) => (
                      <Space size={4} wrap>
                        <Tag>
                          {m.requirement === 'required'
                            ? tr('cases.intakePage.required')
                            : tr('cases.intakePage.ifApplicable')}
                        </Tag>
                        <Tag>
                          {labelsOf(MATERIAL_FORM_LABELS)[m.form]}
                          {m.copies > 1 ? tr('cases.intakePage.copies', { copies: m.copies }) : ''}
                        </Tag>
                        {m.deferrable && <Tag color="gold">{tr('cases.intakePage.mayBeDeferred')}</Tag>}
                        {m.licenseTypeCode && <Tag color="green">{tr('cases.intakePage.notNeeded')}</Tag>}
                      </Space>
                    ),
                  },
                  {
                    title: tr('cases.intakePage.received'),
                    key: 'given',
                    width: 260,
                    render: (_, m) => (
                      <Select<Given>
                        value={statusOf(m)}
                        style={{ width: 240 }}
                        onChange={(v) => setGiven((g) => ({ ...g, [m.name]: v }))}
                        data-testid={`intake-material-${m.name}`}
                        options={[
                          ...(m.licenseTypeCode
                            ? [{ value: 'auto' as const, label: tr('cases.intakePage.fetchedFromTheE') }]
                            : []),
                          { value: 'provided' as const, label: tr('cases.intakePage.handedIn') },
                          { value: 'missing' as const, label: tr('cases.intakePage.missing') },
                          ...(m.requirement === 'conditional'
                            ? [
                                {
                                  value: 'not_applicable' as const,
                                  label: tr('cases.intakePage.notApplicable'),
                                },
                              ]
                            : []),
                        ]}
                      />
                    ),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {tr('cases.intakePage.materialsMarkedNotNeeded')}
              </Typography.Paragraph>
              {error && (
                <Alert
                  type="error"
                  showIcon
                  title={error}
                  style={{ marginBottom: 12 }}
                  data-testid="intake-error"
                />
              )}
              <Button
                type="primary"
                loading={busy}
                disabled={withAgent && !agent}
                onClick={() => void check()}
                data-testid="intake-receive"
              >
                {tr('cases.intakePage.checkIntake')}
              </Button>
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                {tr('cases.intakePage.checkHint')}
              </Typography.Text>
            </section>
          )}
        </Space>
      )}
      {!c && preview && hit && applicant && item.data && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="intake-preview">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={tr('cases.intakePage.previewItem')}>{item.data.name}</Descriptions.Item>
            <Descriptions.Item label={tr('cases.intakePage.applicant')}>{applicant.name}</Descriptions.Item>
            <Descriptions.Item label={tr('cases.intakePage.previewAgent')}>
              {withAgent && agent ? agent.name : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon title={tr('cases.intakePage.notYetFiled')} />
          <MaterialsTable materials={preview} />
          <div>
            <Button onClick={() => setPreview(undefined)} data-testid="intake-back">
              {tr('cases.intakePage.backToMaterials')}
            </Button>
          </div>
          <IntakeDecision
            detail={{
              id: '',
              version: 0,
              status: 'submitted',
              materials: preview,
              itemName: item.data.name,
              applicantName: applicant.name,
              departmentName: item.data.departmentName,
            }}
            user={user}
            instant={item.data.handling === 'instant'}
            itemDepartmentId={item.data.departmentId}
            submit={file}
          />
        </Space>
      )}
      {c && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="intake-case">
          <Space>
            <Typography.Text>{tr('cases.intakePage.caseNo')}</Typography.Text>
            <Link to={`/cases/${c.id}`} data-testid="intake-case-no">
              <Typography.Text strong>{c.caseNo}</Typography.Text>
            </Link>
            <StatusTag status={c.status} />
            {c.queryCode && (
              <>
                <Typography.Text>{tr('cases.intakePage.queryCodeTellThe')}</Typography.Text>
                <Typography.Text strong code copyable data-testid="intake-query-code">
                  {c.queryCode}
                </Typography.Text>
              </>
            )}
          </Space>
          <MaterialsTable materials={c.materials} />
          <IntakeDecision
            detail={c}
            user={user}
            instant={item.data?.handling === 'instant'}
            itemDepartmentId={item.data?.departmentId ?? c.departmentId}
          />
          {c.notices.length > 0 && (
            <Card size="small" title={tr('cases.intakePage.notice')} data-testid="intake-notices">
              <NoticeList caseId={c.id} notices={c.notices} />
            </Card>
          )}
        </Space>
      )}
    </Card>
  );
}
