/** Outbox rows with a next step, as the background stores them, for the reminders' tests. */
import { newRow } from '@/lib/background/outbox';
import type { OutboxRow, OutboxState } from '@/lib/outbox-row';

export function outboxRow(options: {
  n: number;
  next_step_at?: string;
  state: OutboxState;
  serverId: number | null;
  updatedAt: number;
  sourceUrl?: string;
}): Omit<OutboxRow, 'id'> {
  const { n, next_step_at, state, serverId, updatedAt } = options;
  const row = newRow(
    {
      company_name: `Company ${n}`,
      position_title: `Engineer ${n}`,
      status: 'interview',
      source_url: options.sourceUrl ?? `https://jobs.example/${n}`,
      ...(next_step_at ? { next_step_at } : {}),
    },
    `job-${n}`,
    updatedAt,
  );
  return {
    ...row,
    state,
    server_id: serverId,
    synced_at: state === 'synced' ? updatedAt : null,
  };
}
