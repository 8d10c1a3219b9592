import { Tag } from 'antd';
import {
  SUPERVISION_COLOUR_LABELS,
  ORDER_STATUS_LABELS,
  type OrderStatus,
  type SupervisionColour,
} from '@tongban/contracts';

const COLOURS: Record<SupervisionColour, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  paused: 'default',
};
const ORDER_COLOURS: Record<OrderStatus, string> = { open: 'processing', answered: 'success', late: 'error' };

export function ColourTag({ colour }: { colour: SupervisionColour }) {
  return (
    <Tag color={COLOURS[colour]} data-testid={`colour-${colour}`}>
      {SUPERVISION_COLOUR_LABELS[colour]}
    </Tag>
  );
}

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return (
    <Tag color={ORDER_COLOURS[status]} data-testid={`order-status-${status}`}>
      {ORDER_STATUS_LABELS[status]}
    </Tag>
  );
}
