// Placeholder while the screen is written.
import { Empty } from '../components/States.tsx';
export function CooperationInbox() { return <Empty />; }
export function CooperationNew() { return <Empty />; }
export function CaseCooperation(_props: { caseId: string; canSend: boolean }) { return <Empty />; }
