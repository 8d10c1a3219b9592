import { Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { type Draft } from './draft-model';
import { tr } from '../../../app/i18n';
import { type Props, kindOptions, toDay, fromDay } from './draft-editor-parts';

export function InspectionFields({ draft, onChange }: Props) {
  const i = draft.inspection;
  const set = (patch: Partial<Draft['inspection']>) => onChange({ ...draft, inspection: { ...i, ...patch } });
  return (
    <Card size="small" title={tr('ledger.draftEditor.inspection')} data-testid="draft-inspection">
      <Form layout="vertical" requiredMark>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.type')} required>
              <Select value={i.kind} options={kindOptions()} onChange={(kind) => set({ kind })} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={tr('ledger.draftEditor.inspectionTeam')} required>
              <Input
                value={i.team}
                maxLength={100}
                onChange={(e) => set({ team: e.target.value })}
                data-testid="draft-team"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={tr('ledger.draftEditor.inspectedUnit')} required>
              <Input
                value={i.inspectedUnit}
                maxLength={200}
                onChange={(e) => set({ inspectedUnit: e.target.value })}
                data-testid="draft-unit"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.inspectionStart')}>
              <DatePicker
                style={{ width: '100%' }}
                value={toDay(i.periodStart)}
                onChange={(d) => set({ periodStart: fromDay(d) })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.inspectionEnd')}>
              <DatePicker
                style={{ width: '100%' }}
                value={toDay(i.periodEnd)}
                onChange={(d) => set({ periodEnd: fromDay(d) })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.feedbackDate')}>
              <DatePicker
                style={{ width: '100%' }}
                value={toDay(i.feedbackDate)}
                onChange={(d) => set({ feedbackDate: fromDay(d) })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.issuingUnit')}>
              <Input
                value={i.issuer ?? ''}
                maxLength={200}
                placeholder={tr('ledger.draftEditor.defaultsToTheInspected')}
                onChange={(e) => set({ issuer: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.phone')} style={{ marginBottom: 0 }}>
              <Input
                value={i.contactPhone ?? ''}
                maxLength={50}
                onChange={(e) => set({ contactPhone: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={tr('ledger.draftEditor.email')} style={{ marginBottom: 0 }}>
              <Input
                value={i.contactEmail ?? ''}
                maxLength={100}
                onChange={(e) => set({ contactEmail: e.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={tr('ledger.draftEditor.address')} style={{ marginBottom: 0 }}>
              <Input
                value={i.contactAddress ?? ''}
                maxLength={200}
                onChange={(e) => set({ contactAddress: e.target.value })}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
