import { Tag } from 'antd';
import type { OrderStatus, SupervisionColour } from '@tongban/contracts';
import { useLabels } from '../labels';

const COLOURS: Record<SupervisionColour, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  paused: 'default',
};
const ORDER_COLOURS: Record<OrderStatus, string> = { open: 'processing', answered: 'success', late: 'error' };

export function ColourTag({ colour }: { colour: SupervisionColour }) {
  const L = useLabels();
  return (
    <Tag color={COLOURS[colour]} data-testid={`colour-${colour}`}>
      {L.colour(colour)}
    </Tag>
  );
}

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const L = useLabels();
  return (
    <Tag color={ORDER_COLOURS[status]} data-testid={`order-status-${status}`}>
      {L.orderStatus(status)}
    </Tag>
  );
}
