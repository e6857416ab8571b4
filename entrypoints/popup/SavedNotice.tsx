import { StatusMessage } from '@/components/StatusMessage';
import { readableDate } from './outcome';
import type { SavedAnswer } from './useCurrentJob';

/**
 * Says that the page's job is saved, and where the form's fields come from: CareerTrack now, or
 * the extension's copy (while asking, or because CareerTrack could not be reached).
 */
export function SavedNotice({ answer }: { answer: SavedAnswer }) {
  const { record } = answer;
  if (answer.state === 'deleted') {
    return (
      <StatusMessage tone="error">
        <span>{answer.message}</span>
        <span class="status__detail">Save it as a new application to track it again.</span>
      </StatusMessage>
    );
  }
  const source =
    answer.state === 'live'
      ? 'As CareerTrack has it now.'
      : answer.state === 'copy'
        ? `This is the extension's copy: ${answer.reason}`
        : "From the extension's copy; asking CareerTrack…";
  return (
    <StatusMessage tone={answer.state === 'copy' ? 'warning' : 'info'}>
      <span>
        Already saved on {readableDate(record.savedAt)}: this is your application. Update sends only
        what you change.
      </span>
      <span class="status__detail">{source}</span>
      {record.state === 'waiting' && (
        <span class="status__detail">A change is waiting to be sent to CareerTrack.</span>
      )}
      {record.state === 'attention' && record.problem?.message && (
        <span class="status__detail">{record.problem.message}</span>
      )}
    </StatusMessage>
  );
}
