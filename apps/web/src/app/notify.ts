import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';
import { ApiError, isSessionError } from './api-client';
import { i18n } from './i18n';

// antd's context-aware message/notification live inside <App>; NotifyBridge hands them here so
// the query cache (outside React) can report errors.
let messageApi: MessageInstance | undefined;
let notificationApi: NotificationInstance | undefined;

export function bindNotify(message: MessageInstance, notification: NotificationInstance): void {
  messageApi = message;
  notificationApi = notification;
}

export function notifySuccess(text: string): void {
  void messageApi?.success(text);
}

export function notifyWarning(text: string): void {
  void messageApi?.warning(text);
}

/** Shows the server's Chinese message; session errors are handled by the auth context instead. */
export function notifyError(error: unknown): void {
  if (isSessionError(error)) return;
  const description =
    error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  notificationApi?.error({
    message: i18n.t('common.errorTitle'),
    description,
    placement: 'topRight',
    duration: 6,
  });
}
