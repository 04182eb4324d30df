export { CaseCooperation } from './cooperation/CaseCooperation.tsx';
export { CooperationInbox } from './cooperation/Inbox.tsx';
export { CooperationNew } from './cooperation/NewRequest.tsx';
