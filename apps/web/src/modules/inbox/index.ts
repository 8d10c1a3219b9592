export { InboxHomeCard } from './components/inbox-home-card';
