/** The performance goals, checked against what the benchmarks printed. */
export type Results = Record<string, Record<string, unknown>>;

export interface GoalRow {
  metric: string;
  value: string;
  goal: string;
  met: boolean;
}

const num = (results: Results, bench: string, key: string): number => {
  const value = results[bench]?.[key];
  if (typeof value !== 'number') throw new Error(`bench/${bench}.ts printed no number ${key}`);
  return value;
};

export function goalRows(results: Results): GoalRow[] {
  const n = (bench: string, key: string) => num(results, bench, key);
  const atMost = (bench: string, key: string, limit: number, unit: string): GoalRow => ({
    metric: key,
    value: `${n(bench, key)} ${unit}`,
    goal: `≤ ${limit} ${unit}`,
    met: n(bench, key) <= limit,
  });
  const ratio = n('outbox', 'peak_rss_mb_10k') / n('outbox', 'peak_rss_mb_1k');
  return [
    {
      ...atMost('extract', 'largest_page_ms', 5, 'ms'),
      value: `${n('extract', 'largest_page_ms')} ms (the slowest page: ${n('extract', 'slowest_page_ms')} ms; a page's first run, nothing compiled yet: at most ${n('extract', 'slowest_first_run_ms')} ms)`,
    },
    atMost('extract', 'content_script_bytes', 24_576, 'B'),
    atMost('popup', 'popup_prefill_ms', 150, 'ms'),
    atMost('applications', 'applications_tab_ms', 300, 'ms'),
    {
      ...atMost('outbox', 'enqueue_ms_per_row', 2, 'ms'),
      value: `${n('outbox', 'enqueue_ms_per_row')} ms in the worker (a page's whole trip: ${n('outbox', 'enqueue_round_trip_ms_per_row')} ms, of which messaging alone ${n('outbox', 'message_hop_ms')} ms)`,
    },
    {
      metric: 'drain_rows_per_s',
      value: `${n('outbox', 'drain_rows_per_s')} rows/s`,
      goal: '≥ 100 rows/s',
      met: n('outbox', 'drain_rows_per_s') >= 100,
    },
    {
      metric: 'peak_rss_mb_10k',
      value: `${n('outbox', 'peak_rss_mb_10k')} MB (${ratio.toFixed(2)} × the 1k drain's ${n('outbox', 'peak_rss_mb_1k')} MB)`,
      goal: '≤ 1.5 × peak_rss_mb_1k',
      met: ratio <= 1.5,
    },
  ];
}

export function markdownTable(rows: GoalRow[]): string {
  return [
    '| metric | value | goal | met? |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.metric} | ${r.value} | ${r.goal} | ${r.met ? 'yes' : '**no**'} |`),
  ].join('\n');
}
