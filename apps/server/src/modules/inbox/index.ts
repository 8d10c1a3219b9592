export { inboxRoutes } from './inbox.routes';
export {
  closeInboxTodos,
  deliverAllToInbox,
  deliverToInbox,
  inboxWrites,
  type InboxDelivery,
} from './use-cases/deliver-to-inbox';
export { inboxSiteAdapter } from './use-cases/deliver-site-message';
