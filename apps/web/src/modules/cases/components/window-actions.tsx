import { Checkbox, Form, Input, Radio } from 'antd';
import { DELIVERY_METHOD_LABELS, type CaseDetail } from '@tongban/contracts';
import { type ActionSpec } from './action-modal';
import { tr } from '../../../app/i18n';
import { labelsOf } from '../../../app/enum-labels';
import { required, text } from './case-action-fields';

/** The window's actions on a case (前台: 容缺材料收到、出件、送达…), each with its dialog. */
export function windowSpecs(c: CaseDetail): Record<string, ActionSpec> {
  return {
    deferredReceived: {
      name: 'deferred-received',
      title: tr('cases.caseActions.deferredMaterialReceived'),
      okText: tr('cases.caseActions.confirmReceipt'),
      done: tr('cases.caseActions.deferredMaterialRecordedAs'),
      initialValues: { names: c.deferredOutstanding },
      fields: () => (
        <Form.Item
          name="names"
          label={tr('cases.caseActions.materialReceived')}
          rules={[{ required: true, message: tr('cases.caseActions.pleaseSelectTheMaterial') }]}
        >
          <Checkbox.Group
            data-testid="action-deferred-names"
            options={c.deferredOutstanding.map((n) => ({ value: n, label: n }))}
          />
        </Form.Item>
      ),
    },
    delivery: {
      name: 'delivery',
      title: tr('cases.caseActions.prepareDelivery'),
      okText: tr('cases.caseActions.prepareDelivery'),
      done: tr('cases.caseActions.deliveryPreparedTheApplicant'),
      initialValues: { method: 'window' },
      toBody: (v) => ({
        method: v['method'],
        trackingNo: v['method'] === 'post' ? text(v['trackingNo']) : null,
      }),
      fields: (form) => <DeliveryFields form={form} />,
    },
    deliver: {
      name: 'deliver',
      title: tr('cases.caseActions.handOver'),
      okText: tr('cases.caseActions.confirmHandOver'),
      done: tr('cases.caseActions.delivered'),
      description:
        c.delivery?.method === 'window' ? tr('cases.caseActions.collectionAtTheWindow') : undefined,
      initialValues: {
        receivedBy: c.applicant.kind === 'person' ? c.applicant.name : (c.applicant.contactName ?? ''),
        receiverKind: c.applicant.kind === 'person' ? 'applicant' : 'agent',
        authorisationChecked: false,
      },
      toBody: (v) => ({
        receivedBy: v['receivedBy'],
        ...(c.delivery?.method === 'window'
          ? {
              receiver:
                v['receiverKind'] === 'applicant'
                  ? { kind: 'applicant', idNumber: text(v['receiverIdNumber']) }
                  : {
                      kind: 'agent',
                      idNumber: text(v['receiverIdNumber']),
                      authorisationChecked: v['authorisationChecked'] === true,
                    },
            }
          : {}),
      }),
      fields: () => (
        <>
          {c.delivery?.method === 'window' && (
            <>
              <Form.Item name="receiverKind" label={tr('cases.caseActions.collectedBy')}>
                <Radio.Group data-testid="action-receiver-kind">
                  <Radio value="applicant" disabled={c.applicant.kind !== 'person'}>
                    {tr('cases.caseActions.theApplicant')}
                  </Radio>
                  <Radio value="agent">{tr('cases.caseActions.someoneElse')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="receiverIdNumber"
                label={tr('cases.caseActions.collectorSIdNumber')}
                rules={required(tr('cases.caseActions.collectorSIdNumber'))}
              >
                <Input data-testid="action-receiver-id" autoComplete="off" />
              </Form.Item>
              <Form.Item noStyle dependencies={['receiverKind']}>
                {({ getFieldValue }) =>
                  getFieldValue('receiverKind') === 'agent' ? (
                    <Form.Item name="authorisationChecked" valuePropName="checked">
                      <Checkbox data-testid="action-authorisation">
                        {tr('cases.caseActions.powerOfAttorneyChecked')}
                      </Checkbox>
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </>
          )}
          <Form.Item
            name="receivedBy"
            label={tr('cases.caseActions.receivedBy')}
            rules={required(tr('cases.caseActions.receivedBy'))}
          >
            <Input data-testid="action-received-by" />
          </Form.Item>
        </>
      ),
    },
    visit: {
      name: 'visits',
      title: tr('cases.caseActions.recordAVisit'),
      okText: tr('cases.caseActions.register'),
      done: tr('cases.caseActions.visitRecorded'),
      fields: () => (
        <Form.Item
          name="purpose"
          label={tr('cases.caseActions.purposeOfTheVisit')}
          rules={required(tr('cases.caseActions.purposeOfTheVisit'))}
        >
          <Input data-testid="action-purpose" placeholder={tr('cases.caseActions.eGAskingAbout')} />
        </Form.Item>
      ),
    },
    withdraw: {
      name: 'withdraw',
      title: tr('cases.caseActions.theApplicantWithdrawsThe'),
      okText: tr('cases.caseActions.withdraw'),
      danger: true,
      done: tr('cases.caseActions.withdrawn'),
      fields: () => (
        <Form.Item
          name="reason"
          label={tr('cases.caseActions.reasonForWithdrawal')}
          rules={required(tr('cases.caseActions.reasonForWithdrawal'))}
        >
          <Input.TextArea rows={2} data-testid="action-reason" />
        </Form.Item>
      ),
    },
  };
}

function DeliveryFields({ form }: { form: Parameters<NonNullable<ActionSpec['fields']>>[0] }) {
  const method = Form.useWatch('method', form) as string | undefined;
  return (
    <>
      <Form.Item name="method" label={tr('cases.caseActions.deliveryMethod')}>
        <Radio.Group data-testid="action-delivery-method">
          {(['window', 'post', 'electronic'] as const).map((m) => (
            <Radio.Button key={m} value={m}>
              {labelsOf(DELIVERY_METHOD_LABELS)[m]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {method === 'post' && (
        <Form.Item
          name="trackingNo"
          label={tr('cases.caseActions.trackingNumber')}
          rules={required(tr('cases.caseActions.trackingNumber'))}
        >
          <Input data-testid="action-tracking-no" />
        </Form.Item>
      )}
    </>
  );
}
